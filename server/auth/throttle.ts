import { and, count, eq, gt, max, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts } from "@/db/schema";

/**
 * Sign-in throttling. State lives in Postgres so that every web process sees the same counts.
 * Per account: failures since its last success within the window. Per IP: all failures in the
 * window, so one address cannot spray many accounts.
 */
export const throttlePolicy = { windowMinutes: 15, maxFailuresPerAccount: 5, maxFailuresPerIp: 30 } as const;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMinutes: number };

function windowStart() {
  return sql`now() - make_interval(mins => ${throttlePolicy.windowMinutes})`;
}

export async function checkThrottle(db: DbOrTx, email: string, ip: string): Promise<ThrottleVerdict> {
  const [lastSuccess] = await db
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)));
  const since = lastSuccess?.at ? sql`greatest(${windowStart()}, ${lastSuccess.at.toISOString()}::timestamptz)` : windowStart();

  const [account] = await db
    .select({ failures: count(), oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [address] = await db
    .select({ failures: count(), oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, windowStart())));

  const over =
    (account && account.failures >= throttlePolicy.maxFailuresPerAccount ? account.oldest : null) ??
    (address && address.failures >= throttlePolicy.maxFailuresPerIp ? address.oldest : null);
  if (!over) return { blocked: false };
  const elapsedMinutes = (Date.now() - new Date(over).getTime()) / 60_000;
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil(throttlePolicy.windowMinutes - elapsedMinutes)) };
}

export async function recordAttempt(db: DbOrTx, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
}
