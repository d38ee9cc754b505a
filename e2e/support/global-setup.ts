import fs from "node:fs";
import path from "node:path";
import { createDb, createPool } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { ensureBuild } from "@/server/launcher/build";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/server/launcher/embedded-postgres";
import { migrateDatabase } from "@/server/launcher/migrate";
import { createDatabase, databaseUrlFor, dropDatabase } from "@/server/testing/test-postgres";

export const stateFile = path.resolve("test-results/e2e-state.json");

/**
 * Once per run: a production build (made if missing) and a migrated, seeded template database.
 * Each spec file clones the template and starts its own server on it (app.ts).
 */
export default async function globalSetup() {
  ensureBuild();
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ name: "pg-e2e", port: Number(process.env.E2E_PG_PORT ?? 54349), database: "postgres" });
    serverUrl = embedded.url;
  }
  serverUrl = databaseUrlFor(serverUrl, "postgres");
  const template = `hd_e2e_tpl_${process.pid}`;
  await dropDatabase(serverUrl, template);
  const url = await createDatabase(serverUrl, template);
  await migrateDatabase(url);
  const pool = createPool(url, 2);
  await seedDemo(createDb(pool));
  await pool.end();

  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify({ serverUrl, template }));
  return async () => {
    await dropDatabase(serverUrl, template);
    await embedded?.stop();
  };
}
