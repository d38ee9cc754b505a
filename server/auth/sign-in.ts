import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { log } from "@/server/log";
import { verifyPassword } from "./password";
import { checkThrottle, recordAttempt } from "./throttle";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

/** Thrown with a message fit to show on the sign-in page. */
export class SignInError extends Error {
  constructor(
    readonly reason: "invalid" | "throttled" | "disabled",
    message: string,
  ) {
    super(message);
    this.name = "SignInError";
  }
}

const invalid = () => new SignInError("invalid", "Wrong email or password.");

export async function signInWithPassword(db: DbOrTx, raw: unknown, ip: string): Promise<SignedInUser> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) throw invalid();
  const { email, password } = parsed.data;

  const verdict = await checkThrottle(db, email, ip);
  if (verdict.blocked) {
    log.warn("auth.sign_in.throttled", { email, ip });
    throw new SignInError(
      "throttled",
      `Too many failed sign-in attempts. Try again in ${verdict.retryAfterMinutes} minute${verdict.retryAfterMinutes === 1 ? "" : "s"}.`,
    );
  }

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  await recordAttempt(db, email, ip, ok && !user?.disabledAt);
  if (!ok || !user) {
    log.info("auth.sign_in.failed", { email, ip });
    throw invalid();
  }
  if (user.disabledAt) throw new SignInError("disabled", "This account is disabled. Ask your administrator to enable it.");
  log.info("auth.sign_in.succeeded", { userId: user.id, ip });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
