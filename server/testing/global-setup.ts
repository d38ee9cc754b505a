import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createDb, createPool } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/server/launcher/embedded-postgres";
import { migrateDatabase } from "@/server/launcher/migrate";
import { createDatabase, databaseUrlFor, dropDatabase } from "./test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a migrated, demo-seeded template database. Each test file then clones it into a
 * database of its own (database-per-file.ts), which takes milliseconds and isolates every file.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ name: "pg-test", port: Number(process.env.TEST_PG_PORT ?? 54339), database: "postgres" });
    serverUrl = embedded.url;
  }
  serverUrl = databaseUrlFor(serverUrl, "postgres");
  const template = `hd_tpl_${randomBytes(4).toString("hex")}`;
  const templateUrl = await createDatabase(serverUrl, template);
  await migrateDatabase(templateUrl);
  const pool = createPool(templateUrl, 2);
  await seedDemo(createDb(pool));
  await pool.end();

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await dropDatabase(serverUrl, template);
    await embedded?.stop();
  };
}
