/**
 * The client address for throttling. Next.js fills X-Forwarded-For with the socket address when a
 * request arrives without one; behind a reverse proxy the proxy appends the real client last, so the
 * last entry is the one a client cannot choose.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? "unknown";
}
