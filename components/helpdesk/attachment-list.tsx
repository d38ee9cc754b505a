import { formatFileSize } from "@/server/helpdesk/attachment-rules";

export type AttachmentSummary = { id: string; fileName: string; contentType: string; sizeBytes: number };

const typeWords: Record<string, string> = {
  "text/plain": "text",
  "text/csv": "CSV",
  "text/x-log": "log",
  "application/json": "JSON",
  "message/rfc822": "e-mail",
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/gif": "GIF image",
  "application/zip": "zip archive",
  "application/gzip": "gzip archive",
};

/**
 * A message's (or ticket's) files as download links with their kind and size. Downloads go through
 * /api/attachments/[id], which checks access again and always sends the file as an attachment.
 */
export function AttachmentList({ attachments, label = "Attachments" }: { attachments: readonly AttachmentSummary[]; label?: string }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label={label} className="mt-3 flex flex-wrap gap-2">
      {attachments.map((a) => (
        <li key={a.id}>
          <a
            href={`/api/attachments/${a.id}`}
            download={a.fileName}
            className="inline-flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm text-brand-700 hover:bg-slate-100"
          >
            <span aria-hidden="true">📎</span>
            <span className="font-medium">{a.fileName}</span>{" "}
            <span className="text-xs text-slate-500">
              ({typeWords[a.contentType] ?? a.contentType}, {formatFileSize(a.sizeBytes)})
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
