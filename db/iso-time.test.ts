import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { isoFromPostgres, isoTimestamp } from "./iso-time";
import { users } from "./schema";

describe("isoFromPostgres", () => {
  it("writes what a Date writes, for every shape of fraction Postgres prints", async () => {
    // Postgres itself prints the times: whole seconds, and 1 to 6 fractional digits.
    const { rows } = await getDb().execute<{ text: string }>(sql`
      select (timestamptz '1970-01-01 00:00:00+00' + make_interval(secs => (random() * 8e9)::bigint) + (f || ' microseconds')::interval)::text as text
      from generate_series(1, 3000) g, lateral (select (array['0', '100000', '120000', '123000', '123400', '123450', '123456', '999999'])[1 + g % 8]) as v(f)`);
    const fractions = new Set(rows.map((r) => r.text.match(/\.(\d+)\+/)?.[1]?.length ?? 0));
    expect(fractions).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    for (const { text } of rows) expect(isoFromPostgres(text), text).toBe(new Date(text).toISOString());
  });

  it("keeps years before 100 as they are, which a Date would read as 19xx", () => {
    expect(isoFromPostgres("0099-03-01 10:00:00+00")).toBe("0099-03-01T10:00:00.000Z");
  });

  it("turns other offsets and far years through a Date, and refuses what is no time", () => {
    expect(isoFromPostgres("2026-11-25 12:18:41.459+01")).toBe("2026-11-25T11:18:41.459Z");
    expect(isoFromPostgres("2026-11-25 12:18:41.459+05:30")).toBe("2026-11-25T06:48:41.459Z");
    expect(isoFromPostgres("10000-01-01 00:00:00+00")).toBe("+010000-01-01T00:00:00.000Z");
    expect(() => isoFromPostgres("infinity")).toThrow(RangeError);
  });
});

describe("isoTimestamp", () => {
  it("selects a timestamptz column as its ISO string, and null as null, whatever the session's time zone", async () => {
    const stored = await getDb().select().from(users);
    expect(stored.some((u) => u.disabledAt === null)).toBe(true);
    await getDb().update(users).set({ disabledAt: new Date("2026-03-29T01:30:00.250Z") }).where(eq(users.id, stored[0]!.id));
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Asia/Kolkata'`);
      const listed = await tx.select({ id: users.id, createdAt: isoTimestamp(users.createdAt), disabledAt: isoTimestamp(users.disabledAt) }).from(users);
      const before = new Map(stored.map((u) => [u.id, u]));
      for (const row of listed) {
        const user = before.get(row.id)!;
        expect(row.createdAt).toBe(user.createdAt.toISOString());
        expect(row.disabledAt).toBe(row.id === stored[0]!.id ? "2026-03-29T01:30:00.250Z" : null);
      }
    });
  });
});
