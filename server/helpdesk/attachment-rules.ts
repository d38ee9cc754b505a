/**
 * What files a ticket accepts. Pure and dependency-free, so the upload form can tell people about
 * a file that is too big before sending it; the server checks everything again (attachments.ts).
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 5;
export const MAX_FILE_NAME_CHARS = 200;

/** The types we store and serve. Anything else is refused rather than stored as a generic blob. */
export const attachmentTypes = [
  "text/plain",
  "text/csv",
  "text/x-log",
  "application/json",
  "message/rfc822",
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "application/zip",
  "application/gzip",
] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** For the file picker's `accept`: a hint to the browser, not a check. */
export const attachmentAccept = [...attachmentTypes, ".txt", ".log", ".csv", ".json", ".eml", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz", ".tgz"].join(",");

export const attachmentTypesInWords = "text, log, CSV and JSON files, e-mails (.eml), PDFs, PNG, JPEG and GIF images, and zip or gzip archives";

// Control characters, and the invisible formatting ones (e.g. U+202E, which can make "gpj.exe"
// read as "exe.jpg") that have no business in a file name someone will later open.
const unsafeChars = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * A file name safe to store and to hand back in Content-Disposition: the last path segment only,
 * without control or bidi characters, never "." or "..", at most MAX_FILE_NAME_CHARS characters
 * (keeping the extension when it has to shorten the name).
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base.replace(unsafeChars, "").replace(/\s+/g, " ").trim();
  name = name.replace(/^\.+/, "").trim();
  if (!name) return "attachment";
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_CHARS) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    return chars.slice(0, MAX_FILE_NAME_CHARS - extension.length).join("").trimEnd() + extension.join("");
  }
  return chars.slice(0, MAX_FILE_NAME_CHARS).join("");
}

/** "12 KB", "3.4 MB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

/** Problems the form can spot before uploading; the server says the same and more. */
export function problemsWithFiles(files: readonly { name: string; size: number }[]): string[] {
  const problems: string[] = [];
  if (files.length > MAX_FILES_PER_UPLOAD) problems.push(`Attach at most ${MAX_FILES_PER_UPLOAD} files at a time.`);
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) problems.push(`${file.name} is ${formatFileSize(file.size)}; files can be at most ${formatFileSize(MAX_ATTACHMENT_BYTES)}.`);
    else if (file.size === 0) problems.push(`${file.name} is empty.`);
  }
  return problems;
}
