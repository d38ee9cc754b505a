import { and, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";

/**
 * The Hostdesk user a mail's From address belongs to, as an actor with their current roles, or null
 * for an address nobody has (or a disabled account). The From header is the customer's claim, not
 * proof: replies additionally need the ticket's secret reply address or our Message-IDs to thread.
 */
export async function senderActor(db: DbOrTx, address: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${address})`, isNull(users.disabledAt)));
  if (!user) return null;
  return loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion });
}
