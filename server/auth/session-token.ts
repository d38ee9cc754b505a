import { decode } from "next-auth/jwt";
import type { SessionClaims } from "./actor";
import { secureCookies } from "./options";

/** next-auth's session cookie name; it takes the __Secure- prefix when cookies are Secure. */
export const sessionCookieName = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The session claims from the session cookie, or null. Decrypting the token is all a request needs:
 * unlike getServerSession it does not run next-auth's whole handler and re-encrypt the cookie (which a
 * server render could not set anyway). Expiry is absolute: sign in again after the session's lifetime.
 */
export async function claimsFromCookie(readCookie: (name: string) => string | undefined): Promise<SessionClaims | null> {
  const token = readCookie(sessionCookieName);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET ?? "" });
    if (!payload || typeof payload.uid !== "string" || typeof payload.sv !== "number") return null;
    return { userId: payload.uid, sessionVersion: payload.sv };
  } catch {
    // A token from another secret or a tampered one is simply no session.
    return null;
  }
}
