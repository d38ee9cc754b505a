/** `name=value` pairs from Set-Cookie headers, ready for a Cookie header. */
function cookiePairs(res: Response): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) pairs.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return pairs;
}

function cookieHeader(pairs: Map<string, string>): string {
  return [...pairs].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Signs in through next-auth's credentials flow exactly as the login form does, and returns the
 * Cookie header that carries the resulting session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const cookies = cookiePairs(csrfRes);

  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  for (const [name, value] of cookiePairs(res)) cookies.set(name, value);
  const session = [...cookies.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) {
    throw new Error(`sign-in as ${email} set no session cookie (HTTP ${res.status}: ${(await res.text()).slice(0, 300)})`);
  }
  // Only the session cookie is needed from here on; the CSRF cookie would just add bytes.
  return `${session}=${cookies.get(session)}`;
}
