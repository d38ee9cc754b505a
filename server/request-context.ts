import { getDb } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import type { Context } from "@/server/trpc";

/**
 * Same-origin check for mutations. A browser always sends Origin (or Sec-Fetch-Site) on a POST;
 * a non-browser client sends neither and carries no ambient cookies to abuse.
 */
export type HeaderLookup = { get(name: string): string | null };

/** Node's IncomingHttpHeaders seen through the same lookup a fetch Headers object offers. */
export function nodeHeaders(raw: Record<string, string | string[] | undefined>): HeaderLookup {
  return {
    get: (name) => {
      const value = raw[name.toLowerCase()];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

export function isSameOrigin(headers: HeaderLookup): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    const allowed = (process.env.APP_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
    return new URL(origin).host === host || allowed.includes(origin);
  } catch {
    return false;
  }
}

export function buildContext(actor: Actor | null, headers: HeaderLookup): Context {
  return { db: getDb(), actor, sameOrigin: isSameOrigin(headers) };
}
