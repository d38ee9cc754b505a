import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { demoAccounts, seedIfEmpty } from "./demo";

describe("demo seed", () => {
  it("holds every README account with its role, and never seeds twice", async () => {
    const db = getDb();
    expect(await seedIfEmpty(db)).toBe(false);
    const [row] = await db.select({ n: count() }).from(users);
    expect(row?.n).toBe(demoAccounts.length);
    const roles = await db.select({ role: memberships.role }).from(memberships);
    expect(roles.map((r) => r.role).sort()).toEqual(demoAccounts.map((a) => a.role).sort());
  });
});
