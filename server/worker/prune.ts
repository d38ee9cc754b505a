import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts } from "@/db/schema";

/** Sign-in attempts matter only inside the throttle window; a day of them is kept for inspection. */
export async function pruneLoginAttempts(db: DbOrTx): Promise<number> {
  const removed = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, sql`now() - interval '1 day'`))
    .returning({ id: loginAttempts.id });
  return removed.length;
}
