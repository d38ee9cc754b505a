/**
 * Numbers as account managers type them. The scenario schema takes fractions (0.999); people type
 * percentages (99.9), so every availability and share crosses this boundary in both directions.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A typed number: spaces are ignored ("2 000"), a decimal comma is refused with the fix spelled
 * out rather than guessed — "2,000" is two thousand to some people and two to others.
 */
export function parseNumberText(text: string, example = "12"): ParsedNumber {
  const compact = text.replace(/\s+/g, "");
  if (compact === "") return { ok: false, message: `Enter a number, e.g. ${example}.` };
  if (/^[+-]?\d+,\d{1,2}$/.test(compact) || /^[+-]?\d+,\d{4,}$/.test(compact)) {
    return { ok: false, message: `Use a point for decimals: ${compact.replace(",", ".")}.` };
  }
  if (!PLAIN_NUMBER.test(compact)) return { ok: false, message: `Enter a number, e.g. ${example}.` };
  return { ok: true, value: Number(compact) };
}

/** Removes the float noise of decimal arithmetic: 99.9 / 100 is 0.9990000000000001 in binary. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** "99.9" or "99.9 %" → 0.999. */
export function parsePercentText(text: string): ParsedNumber {
  const parsed = parseNumberText(text.trim().replace(/%$/, ""), "99.9");
  if (!parsed.ok) return { ok: false, message: parsed.message.replace("Enter a number", "Enter a percentage") };
  return { ok: true, value: roundTo(parsed.value / 100, 12) };
}

/** 0.999 → "99.9", 0.6 → "60": what goes back into an input. */
export function fractionToPercentText(fraction: number): string {
  return String(roundTo(fraction * 100, 10));
}

/**
 * 0.99876 → "99.876 %" for reading. Availability is floored, never rounded up: a figure shown to a
 * customer must not promise more than the calculation delivers.
 */
export function formatPercent(fraction: number, maxDecimals = 3): string {
  const factor = 10 ** maxDecimals;
  // The small nudge keeps 0.999 (99.89999… in binary) at 99.9 instead of flooring it to 99.899.
  const floored = Math.floor(roundTo(fraction * 100 * factor, 6)) / factor;
  return `${floored.toLocaleString("en-GB", { maximumFractionDigits: maxDecimals })} %`;
}

/**
 * The schema's messages speak in fractions ("below 1 (100 %)", "from 0 to 1 (0.5 for 50 %)"), which
 * is right for the API; the page's inputs are percentages, so the messages are said that way here.
 */
export function percentMessage(message: string): string {
  return message
    .replace("must be below 1 (100 %)", "must be below 100 %")
    .replace(/must be above 0\.$/, "must be above 0 %.")
    .replace("must be a number from 0 to 1 (0.5 for 50 %)", "must be a percentage from 0 to 100")
    .replace("Enter availability as a number, e.g. 0.999 for 99.9 %.", "Enter the availability as a percentage, e.g. 99.9.");
}
