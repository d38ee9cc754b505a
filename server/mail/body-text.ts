/** What a ticket message can hold (server/helpdesk/schemas.ts); longer mail is cut with a note. */
export const MAX_BODY_CHARS = 50_000;

/**
 * Plain text of HTML when mailparser could not convert it (too large or too deeply nested for
 * html-to-text): tags dropped, the commonest entities decoded. Crude, but never stores markup.
 */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Lines that introduce the quoted mail a reply answers, in the mail programs our customers use. */
const quoteHeaders = [
  /^On\b.{0,300}\bwrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i, // German clients
  /^Le\b.{0,300}\ba écrit\s*:\s*$/i, // French clients
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i, // Outlook, older clients
  /^_{20,}\s*$/, // Outlook's rule above the quoted headers
];

/** Where the quoted history begins, or -1. Gmail wraps a long "On … wrote:" line in two. */
function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (quoteHeaders.some((pattern) => pattern.test(line))) return i;
    const joined = `${line} ${lines[i + 1]?.trim() ?? ""}`;
    if (/^On\b/i.test(line) && quoteHeaders[0]!.test(joined)) return i;
    // Outlook without a rule: "From: …" followed closely by "Sent:"/"Date:" and "To:"/"Subject:".
    if (/^From:\s/i.test(line) && lines.slice(i + 1, i + 4).some((l) => /^(Sent|Date):\s/i.test(l.trim()))) return i;
  }
  return -1;
}

/**
 * A reply without the history it quotes: everything from the "On … wrote:" line on, a trailing
 * block of `>` lines, and the signature after "-- ". Quotes inside the text (answers between the
 * customer's own quotes) stay. If trimming would leave nothing, the whole text is kept.
 */
export function trimQuotedHistory(text: string): string {
  let lines = text.replace(/\r\n?/g, "\n").split("\n");
  const start = quoteStart(lines);
  if (start >= 0) lines = lines.slice(0, start);
  const signature = lines.findIndex((line) => line === "-- " || line === "--");
  if (signature >= 0) lines = lines.slice(0, signature);
  while (lines.length > 0 && (lines.at(-1)!.trim() === "" || lines.at(-1)!.trimStart().startsWith(">"))) lines.pop();
  const trimmed = lines.join("\n").trim();
  return trimmed || text.trim();
}

/**
 * A message body fit for a ticket: never empty, never longer than a message may be. `suffix` (a
 * note about the mail) is kept whole even when the text has to be cut.
 */
export function fitBody(text: string, suffix = ""): string {
  const body = text.trim() || "(This mail had no text.)";
  const room = MAX_BODY_CHARS - suffix.length;
  if (body.length <= room) return body + suffix;
  const note = `\n\n[The rest of this mail was cut: it was ${body.length.toLocaleString("en")} characters long.]`;
  return body.slice(0, room - note.length) + note + suffix;
}

/** A subject fit for a ticket (3–200 characters). */
export function fitSubject(subject: string): string {
  const clean = subject.replace(/\s+/g, " ").trim();
  if (clean.length < 3) return "(no subject)";
  return clean.length <= 200 ? clean : `${clean.slice(0, 199)}…`;
}

/** "Re: Re: AW: [#12] Disk full" → "Disk full", for a follow-up ticket's subject. */
export function baseSubject(subject: string): string {
  return subject.replace(/^(\s*(re|aw|fwd?|wg)\s*:\s*|\s*\[#\d+\]\s*)+/gi, "").trim();
}
