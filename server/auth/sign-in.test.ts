import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { SignInError, signInWithPassword } from "./sign-in";
import { throttlePolicy } from "./throttle";

const attempt = (email: string, password: string, ip = "203.0.113.7") => signInWithPassword(getDb(), { email, password }, ip);
const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e instanceof SignInError ? e.reason : String(e)),
  );

describe("sign-in with password", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await attempt("Agent@Hostdesk.TEST", DEMO_PASSWORD);
    expect(user.email).toBe("agent@hostdesk.test");
    expect(user.sessionVersion).toBe(1);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const wrong = await attempt("agent@hostdesk.test", "nope").catch((e: Error) => e.message);
    const unknown = await attempt("nobody@hostdesk.test", "nope").catch((e: Error) => e.message);
    expect(wrong).toBe("Wrong email or password.");
    expect(unknown).toBe(wrong);
  });

  it("throttles an account after repeated failures, even when the right password follows", async () => {
    const email = "engineer@hostdesk.test";
    for (let i = 0; i < throttlePolicy.maxFailuresPerAccount; i++) expect(await reason(attempt(email, `guess-${i}`, `198.51.100.${i}`))).toBe("invalid");
    expect(await reason(attempt(email, DEMO_PASSWORD, "192.0.2.99"))).toBe("throttled");
    const message = await attempt(email, DEMO_PASSWORD).catch((e: Error) => e.message);
    expect(message).toMatch(/Try again in \d+ minutes?/);
    // Another account from the same addresses is unaffected.
    expect(await reason(attempt("am@hostdesk.test", DEMO_PASSWORD, "198.51.100.0"))).toBe("ok");
  });

  it("throttles an address that sprays many accounts", async () => {
    const ip = "203.0.113.200";
    for (let i = 0; i < throttlePolicy.maxFailuresPerIp; i++) await attempt(`spray-${i}@example.test`, "x", ip).catch(() => undefined);
    expect(await reason(attempt("owner@acme.test", DEMO_PASSWORD, ip))).toBe("throttled");
    expect(await reason(attempt("owner@acme.test", DEMO_PASSWORD, "203.0.113.201"))).toBe("ok");
  });

  it("counts only failures since the account's last success", async () => {
    const email = "dev@acme.test";
    for (let i = 0; i < throttlePolicy.maxFailuresPerAccount - 1; i++) await attempt(email, "wrong").catch(() => undefined);
    expect(await reason(attempt(email, DEMO_PASSWORD))).toBe("ok");
    for (let i = 0; i < throttlePolicy.maxFailuresPerAccount - 1; i++) await attempt(email, "wrong").catch(() => undefined);
    expect(await reason(attempt(email, DEMO_PASSWORD))).toBe("ok");
  });

  it("refuses a disabled account, and records every attempt", async () => {
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.email, "owner@globex.test"));
    expect(await reason(attempt("owner@globex.test", DEMO_PASSWORD))).toBe("disabled");
    const rows = await getDb().select().from(loginAttempts).where(eq(loginAttempts.email, "owner@globex.test"));
    expect(rows.map((r) => r.succeeded)).toEqual([false]);
  });
});
