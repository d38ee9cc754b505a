/** RFC 5987 encoding: percent-encodes everything but the attr-chars, which encodeURIComponent leaves a few of. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the name twice: a plain-ASCII fallback for old clients, and the exact name in
 * UTF-8 (`filename*`), which every current browser prefers. Quotes, backslashes and anything
 * non-ASCII never reach the quoted fallback, so the header cannot be broken out of.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_") || "attachment";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
