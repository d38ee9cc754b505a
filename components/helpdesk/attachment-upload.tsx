"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { attachmentAccept, attachmentTypesInWords, formatFileSize, MAX_ATTACHMENT_BYTES, MAX_FILES_PER_UPLOAD, problemsWithFiles } from "@/server/helpdesk/attachment-rules";
import type { AttachmentSummary } from "./attachment-list";

/**
 * Sends files to a ticket (POST /api/tickets/[ticketId]/attachments), reporting progress from 0 to 1.
 * XMLHttpRequest rather than fetch: only it reports upload progress. Rejects with the server's
 * own words when it refuses a file.
 */
export function uploadAttachments({
  ticketId,
  files,
  messageId,
  onProgress,
}: {
  ticketId: string;
  files: readonly File[];
  /** The message the files belong to; customers' files go with their latest message without it. */
  messageId?: string | null;
  onProgress?: (share: number) => void;
}): Promise<AttachmentSummary[]> {
  const body = new FormData();
  for (const file of files) body.append("file", file, file.name);
  if (messageId) body.append("messageId", messageId);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/tickets/${encodeURIComponent(ticketId)}/attachments`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const payload = request.response as { attachments?: AttachmentSummary[]; error?: string } | null;
      if (request.status === 201 && payload?.attachments) resolve(payload.attachments);
      else reject(new Error(payload?.error ?? "The files could not be uploaded. Try again."));
    };
    request.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    request.send(body);
  });
}

/**
 * Picks files to attach: each choice adds to the list (so files can come from several folders),
 * each can be removed again, and what is plainly wrong (too big, too many) shows before sending.
 * Controlled: the form owns the list and uploads it with `uploadAttachments` once it has a ticket.
 */
export function AttachmentPicker({
  files,
  onChange,
  progress = null,
  disabled = false,
  label = "Attach files",
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** Share uploaded, 0 to 1, while an upload runs; null otherwise. */
  progress?: number | null;
  disabled?: boolean;
  label?: string;
}) {
  const id = useId();
  const problems = problemsWithFiles(files);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label} <span className="font-normal text-slate-500">(optional)</span>
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={attachmentAccept}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
        onChange={(event) => {
          onChange([...files, ...Array.from(event.target.files ?? [])]);
          // Cleared, so choosing the same file again after removing it still counts as a change.
          event.target.value = "";
        }}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        Up to {MAX_FILES_PER_UPLOAD} files of at most {formatFileSize(MAX_ATTACHMENT_BYTES)} each: {attachmentTypesInWords}.
      </p>
      {files.length > 0 && (
        <ul aria-label="Files to attach" className="mt-2 space-y-1">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center gap-2 text-sm">
              <span className="font-medium text-slate-800">{file.name}</span>
              <span className="text-xs text-slate-500">{formatFileSize(file.size)}</span>
              <Button variant="ghost" size="sm" disabled={disabled} onClick={() => onChange(files.filter((_, i) => i !== index))}>
                Remove<span className="sr-only"> {file.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul role="alert" className="mt-2 list-disc pl-5 text-sm text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {progress !== null && (
        <div className="mt-2 flex items-center gap-2 text-sm text-slate-600">
          <progress value={progress} max={1} aria-label="Uploading files" className="h-2 w-48 accent-brand-600" />
          <span aria-live="polite">Uploading… {Math.round(progress * 100)} %</span>
        </div>
      )}
    </div>
  );
}
