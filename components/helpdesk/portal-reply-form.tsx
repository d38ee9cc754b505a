"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextAreaField } from "@/components/ui/text-area-field";
import { problemsWithFiles } from "@/server/helpdesk/attachment-rules";
import { AttachmentPicker, uploadAttachments } from "./attachment-upload";

/**
 * The customer's reply, with files. The reply is sent first and the files are attached to it; if
 * only the files fail, the reply stands and the files stay chosen, to try again.
 */
export function PortalReplyForm({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reply = useMutation(trpc.helpdesk.reply.mutationOptions());
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  // A reply that went out while its files did not: retrying attaches them to it.
  const [unattachedTo, setUnattachedTo] = useState<string | null>(null);
  const busy = reply.isPending || progress !== null;

  async function attach(messageId: string) {
    setUploadError(null);
    setProgress(0);
    try {
      await uploadAttachments({ ticketId, files, messageId, onProgress: setProgress });
      setFiles([]);
      setUnattachedTo(null);
    } catch (error) {
      setUploadError(new Error(`Your reply was sent, but the files were not attached: ${error instanceof Error ? error.message : "the upload failed."}`));
      setUnattachedTo(messageId);
    } finally {
      setProgress(null);
      router.refresh();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problemsWithFiles(files).length) return;
    const { messageId } = await reply.mutateAsync({ ticketId, body });
    setBody("");
    if (files.length) await attach(messageId);
    else router.refresh();
  }

  return (
    <form aria-label="Reply" onSubmit={(e) => void onSubmit(e).catch(() => undefined)} className="space-y-4">
      <TextAreaField
        label="Your reply"
        name="body"
        required
        maxLength={50_000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        disabled={busy}
        hint="You can use Markdown: **bold**, `code`, lists and links."
      />
      <AttachmentPicker files={files} onChange={setFiles} progress={progress} disabled={busy} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy || problemsWithFiles(files).length > 0}>
          {reply.isPending ? "Sending…" : "Send reply"}
        </Button>
        {unattachedTo && files.length > 0 && (
          <Button variant="secondary" disabled={busy} onClick={() => void attach(unattachedTo)}>
            Attach the files again
          </Button>
        )}
      </div>
      <ErrorNote error={reply.error ?? uploadError} />
    </form>
  );
}
