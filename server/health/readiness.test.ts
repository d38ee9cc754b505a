import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPool, getPool } from "@/db/client";
import { migrateDatabase } from "@/server/launcher/migrate";
import { createDatabase, dropDatabase } from "@/server/testing/test-postgres";
import { checkReadiness } from "./readiness";

const serverUrl = inject("serverUrl");
const blank = `hd_blank_${randomBytes(4).toString("hex")}`;
afterAll(() => dropDatabase(serverUrl, blank));

describe("readiness", () => {
  it("is not ready before migrations, and ready after them", async () => {
    const url = await createDatabase(serverUrl, blank);
    const pool = createPool(url, 2);
    try {
      expect(await checkReadiness(pool)).toMatchObject({ ready: false, database: "ok", migrations: "pending" });
      await migrateDatabase(url);
      expect(await checkReadiness(pool)).toMatchObject({ ready: true, database: "ok", migrations: "current", expectedMigration: expect.any(String) });
    } finally {
      await pool.end();
    }
  });

  it("is not ready while a migration of this build is missing", async () => {
    const pool = getPool();
    // The migrations table has no trigger of its own; drop the newest record to simulate an older schema.
    await pool.query("delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)");
    expect(await checkReadiness(pool)).toMatchObject({ ready: false, migrations: "pending" });
  });

  it("reports an unreachable database", async () => {
    const pool = createPool("postgres://postgres@127.0.0.1:1/nothing", 1);
    try {
      expect(await checkReadiness(pool)).toMatchObject({ ready: false, database: "unreachable" });
    } finally {
      await pool.end();
    }
  });
});
