import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { buildContext } from "@/server/request-context";
import { createCaller } from "@/server/routers/_app";

export async function actorFor(email: string): Promise<Actor> {
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no demo user ${email}`);
  const actor = await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion });
  if (!actor) throw new Error(`${email} has no valid session`);
  return actor;
}

const sameSite = new Headers({ host: "hostdesk.test", origin: "http://hostdesk.test" });

/**
 * A tRPC caller acting as a demo user through the same procedures the browser reaches. `signal`
 * stands for the request going away (subscriptions end with it).
 */
export async function callerFor(email: string | null, headers: Headers = sameSite, signal?: AbortSignal) {
  const actor = email ? await actorFor(email) : null;
  return createCaller(buildContext(actor, headers), { signal });
}

export const ACME = "acme";
export const GLOBEX = "globex";
