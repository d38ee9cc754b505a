import { describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { actorFor } from "@/server/testing/actors";
import { recordAudit } from "./record";

describe("audit trail", () => {
  it("commits with the change it records, and rolls back with it", async () => {
    const actor = await actorFor("admin@hostdesk.test");
    const count = async () => (await getDb().select().from(auditEvents)).length;
    const before = await count();
    await getDb()
      .transaction(async (tx) => {
        await recordAudit(tx, actor, { action: "test.rolled_back", subjectType: "test", subjectId: "1" });
        throw new Error("the change failed");
      })
      .catch(() => undefined);
    expect(await count()).toBe(before);
    await getDb().transaction((tx) => recordAudit(tx, { system: "test" }, { action: "test.kept", subjectType: "test", subjectId: "2", after: { a: 1 } }));
    expect(await count()).toBe(before + 1);
  });

  it("is append-only: the database refuses to update, delete or truncate it", async () => {
    const pool = getPool();
    await expect(pool.query("update audit_events set action = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(pool.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(pool.query("truncate audit_events")).rejects.toThrow(/append-only/);
  });
});
