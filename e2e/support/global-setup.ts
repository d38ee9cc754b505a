import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "@/server/launcher/build";
import { createSeededTemplate, dropDatabase, testPostgresServer } from "@/server/testing/test-postgres";

export const stateFile = path.resolve("test-results/e2e-state.json");

/**
 * Once per run: a production build (made if missing) and a migrated, seeded template database.
 * Each spec file clones the template and starts its own server on it (app.ts).
 */
export default async function globalSetup() {
  ensureBuild();
  const { serverUrl, stop } = await testPostgresServer("pg-e2e", Number(process.env.E2E_PG_PORT ?? 54349));
  const template = `hd_e2e_tpl_${process.pid}`;
  await createSeededTemplate(serverUrl, template);
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify({ serverUrl, template }));
  return async () => {
    await dropDatabase(serverUrl, template);
    await stop();
  };
}
