import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createSeededTemplate, dropDatabase, testPostgresServer } from "./test-postgres";

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
  const { serverUrl, stop } = await testPostgresServer("pg-test", Number(process.env.TEST_PG_PORT ?? 54339));
  const template = `hd_tpl_${randomBytes(4).toString("hex")}`;
  await createSeededTemplate(serverUrl, template);
  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await dropDatabase(serverUrl, template);
    await stop();
  };
}
