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

/** Decrypts a next-auth session token to its claims, or null when it is not a valid one of ours. */
export async function decodeSessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    if (typeof payload.uid !== "string" || typeof payload.sv !== "number") return null;
    return { userId: payload.uid, sessionVersion: payload.sv };
  } catch {
    // A token from another secret, an expired or a tampered one is simply no session.
    return null;
  }
}

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
