import type { AttachmentType } from "./attachment-rules";

/** Leading bytes of the binary types we accept; the file's own bytes decide, not the browser's claim. */
const signatures: { type: AttachmentType; bytes: readonly number[] }[] = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }, // GIF87a
  { type: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }, // GIF89a
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "application/zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: "application/zip", bytes: [0x50, 0x4b, 0x05, 0x06] }, // an empty archive
  { type: "application/gzip", bytes: [0x1f, 0x8b, 0x08] },
];

const startsWith = (data: Uint8Array, bytes: readonly number[]) => data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

/**
 * Text has no NUL bytes and hardly any other control characters (tab, line breaks, form feed and
 * the escape of coloured log output are fine). Any 8-bit encoding passes: old logs are Latin-1.
 */
function looksLikeText(data: Uint8Array): boolean {
  let controls = 0;
  for (const byte of data) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls += 1;
  }
  return controls <= data.length / 100;
}

const textByExtension: Record<string, AttachmentType> = { csv: "text/csv", log: "text/x-log", json: "application/json", eml: "message/rfc822" };
const textTypes = new Set<string>(["text/plain", "text/csv", "text/x-log", "application/json", "message/rfc822"]);

/**
 * The type a file really is, or null when it is none we accept. Binary formats are recognised by
 * their signature whatever the browser claimed; for text, which has no signature, the claim or the
 * extension picks the kind of text. Serving is safe whichever text type it gets: downloads are
 * always attachments, with nosniff and a sandbox policy.
 */
export function sniffAttachmentType(data: Uint8Array, claimedType: string, fileName: string): AttachmentType | null {
  const binary = signatures.find((s) => startsWith(data, s.bytes));
  if (binary) return binary.type;
  if (!looksLikeText(data)) return null;
  const claimed = claimedType.split(";")[0]!.trim().toLowerCase();
  if (claimed !== "text/plain" && textTypes.has(claimed)) return claimed as AttachmentType;
  // Browsers call most text "text/plain" (or nothing); the extension says which text it is.
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  return textByExtension[extension] ?? "text/plain";
}
