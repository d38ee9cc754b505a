import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { createDatabase, dropDatabase } from "./test-postgres";

// Every test file gets its own database, cloned from the migrated and seeded template.
const serverUrl = inject("serverUrl");
const name = `hd_t_${randomBytes(5).toString("hex")}`;
process.env.DATABASE_URL = await createDatabase(serverUrl, name, inject("templateDatabase"));
process.env.NEXTAUTH_SECRET ??= "test-secret";

afterAll(async () => {
  await closeDb();
  await dropDatabase(serverUrl, name);
});
