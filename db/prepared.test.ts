import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { createDb, getDb, getPool } from "./client";
import { inlined, inlinedCount, inlinedList, MAX_PREPARED_SHAPES, preparedStatement, shapeName } from "./prepared";
import { users } from "./schema";

describe("prepared statements by shape", () => {
  it("builds a shape's statement once per database handle and reuses it", async () => {
    let builds = 0;
    const statement = () =>
      preparedStatement(getDb(), "test_user_count", (name) => {
        builds++;
        return getDb().select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.email} like ${sql.placeholder("pattern")}`).prepare(name);
      });
    const first = await statement().execute({ pattern: "%@hostdesk.test" });
    const second = await statement().execute({ pattern: "%@acme.test" });
    expect(builds).toBe(1);
    expect(first[0]!.n).toBeGreaterThan(0);
    expect(second[0]!.n).toBeGreaterThan(0);
    expect(first[0]!.n).not.toBe(second[0]!.n);
  });

  it("keeps a bounded number of shapes, and runs the ones past the bound unprepared", async () => {
    const db = createDb(getPool());
    const shapes = MAX_PREPARED_SHAPES + 20;
    const built: string[] = [];
    for (let i = 0; i < shapes; i++) {
      const [row] = await preparedStatement(db, `test_shape_${i}`, (name) => {
        built.push(name);
        return db.select({ n: sql<number>`${inlined(i)}::int + ${sql.placeholder("plus")}::int` }).from(users).limit(1).prepare(name);
      }).execute({ plus: 1 });
      expect(row!.n).toBe(i + 1);
    }
    expect(built.filter((name) => name !== "")).toHaveLength(MAX_PREPARED_SHAPES);
    expect(built.slice(MAX_PREPARED_SHAPES)).toEqual(Array(20).fill(""));
    // A shape kept before the bound is still reused, not built again.
    const again = preparedStatement(db, "test_shape_0", (): { execute: (values: Record<string, unknown>) => Promise<unknown> } => {
      throw new Error("built again");
    });
    await again.execute({ plus: 1 });
  });

  it("names shapes apart and within what Postgres keeps", () => {
    const a = shapeName("queue", { view: "open", page: 1 });
    expect(a).toBe(shapeName("queue", { view: "open", page: 1 }));
    expect(a).not.toBe(shapeName("queue", { view: "open", page: 2 }));
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
    expect(() => preparedStatement(getDb(), "x".repeat(64), () => ({ execute: async () => [] }))).toThrow(/63 bytes/);
  });

  it("writes only enum labels and whole counts into a statement's text", () => {
    const text = (fragment: ReturnType<typeof inlined>) => new PgDialect().sqlToQuery(fragment).sql;
    expect(text(inlined("waiting_on_customer"))).toBe("'waiting_on_customer'");
    expect(text(inlined(51))).toBe("51");
    expect(text(inlinedList(["solved", "closed"]))).toBe("('solved', 'closed')");
    for (const hostile of ["x' or '1'='1", "Robert'); drop table users;--", "OPEN", ""]) expect(() => inlined(hostile)).toThrow(/only enum labels/);
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) expect(() => inlinedCount(bad)).toThrow(/only whole counts/);
  });
});
