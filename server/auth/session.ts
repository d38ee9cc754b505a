import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { areaPaths, canUseArea, landingPath, type Area } from "./roles";
import { actorFromCookie } from "./session-token";

/** The current request's actor, checked against the database once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return actorFromCookie((name) => jar.get(name)?.value);
});

/**
 * Guard for an area's layout: no session goes to sign-in; a role that may not use the area goes to
 * the person's own area, before anything of this one is rendered. Roles come from the database, so a
 * role change applies on the next request.
 */
export async function requireArea(area: Area): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(areaPaths[area])}`);
  if (!canUseArea(actor.roles, area)) redirect(landingPath(actor.roles));
  return actor;
}

export async function landingFor(): Promise<string> {
  const actor = await getActor();
  return actor ? landingPath(actor.roles) : "/login";
}
