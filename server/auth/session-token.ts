import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getDb } from "@/db/client";
import { loadActor, type Actor, type SessionClaims } from "./actor";
import { secureCookies } from "./secure-cookies";

/** next-auth's session cookie name; it takes the __Secure- prefix when cookies are Secure. */
export const sessionCookieName = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

const derivedKeys = new Map<string, Uint8Array>();

/**
 * The key next-auth 4 encrypts session tokens with (HKDF-SHA256 of the secret, its fixed info
 * string). next-auth derives it again on every call; deriving it once per secret takes a measurable
 * share off every request. session-token.test.ts proves the two agree.
 */
function encryptionKey(secret: string): Uint8Array {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    derivedKeys.set(secret, key);
  }
  return key;
}

/** jose's leeway on expiry, kept by the tokens remembered below too. */
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * Tokens already decrypted: a session sends one token with every request, and parsing and
 * decrypting it was about a twentieth of serving a queue page. Only valid tokens are kept, with the
 * secret they were read with and their expiry, both checked on every use; the actor behind them is
 * still loaded from the database on each request, so revoking a session stays immediate.
 */
const remembered = new Map<string, { secret: string; claims: SessionClaims; expiresAt: number }>();
export const MAX_REMEMBERED_TOKENS = 10_000;

/** Decrypts a next-auth session token to its claims, or null when it is not a valid one of ours. */
export async function decodeSessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  const known = remembered.get(token);
  if (known && known.secret === secret && Date.now() / 1000 < known.expiresAt + CLOCK_TOLERANCE_SECONDS) return known.claims;
  remembered.delete(token);
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
    if (typeof payload.uid !== "string" || typeof payload.sv !== "number") return null;
    const claims: SessionClaims = Object.freeze({ userId: payload.uid, sessionVersion: payload.sv });
    if (typeof payload.exp === "number" && payload.nbf === undefined) {
      // The oldest goes first (a Map keeps insertion order).
      if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
      remembered.set(token, { secret, claims, expiresAt: payload.exp });
    }
    return claims;
  } catch {
    // A token from another secret, an expired or a tampered one is simply no session.
    return null;
  }
}

/** How many decrypted tokens are remembered (for tests of the bound). */
export const rememberedTokenCount = () => remembered.size;

/**
 * The session claims from the session cookie, or null. Decrypting the token is all a request needs:
 * unlike getServerSession it does not run next-auth's whole handler and re-encrypt the cookie (which a
 * server render could not set anyway). Expiry is absolute: sign in again after the session's lifetime.
 */
export async function claimsFromCookie(readCookie: (name: string) => string | undefined): Promise<SessionClaims | null> {
  const token = readCookie(sessionCookieName);
  return token ? decodeSessionToken(token, process.env.NEXTAUTH_SECRET ?? "") : null;
}

/** The actor behind a request's session cookie, checked against the database; null without a valid session. */
export async function actorFromCookie(readCookie: (name: string) => string | undefined): Promise<Actor | null> {
  const claims = await claimsFromCookie(readCookie);
  return claims ? loadActor(getDb(), claims) : null;
}
