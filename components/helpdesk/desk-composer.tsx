"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorNote } from "@/components/ui/error-note";
import { TextAreaField } from "@/components/ui/text-area-field";
import { fillPlaceholders, type PlaceholderValues } from "@/server/helpdesk/placeholders";
import { statusWords, ticketStatuses, type TicketStatus } from "@/server/helpdesk/statuses";
import { MessageBody } from "./message-body";
import { TicketPresence } from "./ticket-presence";

type Canned = { id: string; title: string; body: string };
type Visibility = "public" | "internal";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * Answers the customer or notes something for the desk only. Canned replies are filled in the
 * browser (placeholders only, as plain text) and can be edited before sending; the preview is the
 * server's own rendering, so what it shows is what will be stored.
 */
export function DeskComposer({ ticketId, canned, values, autoFocus }: { ticketId: string; canned: readonly Canned[]; values: PlaceholderValues; autoFocus: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reply = useMutation(trpc.helpdesk.reply.mutationOptions());
  const preview = useMutation(trpc.helpdesk.preview.mutationOptions());
  const [visibility, setVisibility] = useState<Visibility>("public");
  const [body, setBody] = useState("");
  const [status, setStatus] = useState<TicketStatus | "">("");
  const [cannedId, setCannedId] = useState("");
  const [previewing, setPreviewing] = useState(false);
  const [sent, setSent] = useState("");
  const internal = visibility === "internal";

  function insertCanned() {
    const chosen = canned.find((c) => c.id === cannedId);
    if (!chosen) return;
    const text = fillPlaceholders(chosen.body, values);
    // Added after what is already written, never over it.
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text));
    setPreviewing(false);
    setSent("");
  }

  function togglePreview() {
    if (!previewing) preview.mutate({ body });
    setPreviewing(!previewing);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await reply.mutateAsync({ ticketId, body, visibility, ...(status ? { status } : {}) });
    setBody("");
    setStatus("");
    setPreviewing(false);
    setSent(internal ? "Internal note added." : "Public reply sent.");
    router.refresh();
  }

  return (
    <form
      aria-label="Reply"
      onSubmit={(e) => void onSubmit(e).catch(() => undefined)}
      className={cn("space-y-3 rounded-lg border p-4", internal ? "border-yellow-300 bg-yellow-50" : "border-slate-200 bg-white")}
    >
      <TicketPresence ticketId={ticketId} replying={body.trim() !== ""} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          <legend className="sr-only">Kind of message</legend>
          {(["public", "internal"] as const).map((v) => (
            <label key={v} className={cn("cursor-pointer rounded px-3 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600", visibility === v && (v === "internal" ? "bg-yellow-200 font-medium text-yellow-900" : "bg-brand-50 font-medium text-brand-700"))}>
              <input type="radio" name="visibility" value={v} checked={visibility === v} onChange={() => setVisibility(v)} className="sr-only" />
              {v === "public" ? "Public reply" : "Internal note"}
            </label>
          ))}
        </fieldset>
        <span className="inline-flex items-center gap-1.5">
          <select aria-label="Canned reply" value={cannedId} onChange={(e) => setCannedId(e.target.value)} className={control}>
            <option value="">Canned reply…</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" disabled={!cannedId} onClick={insertCanned}>
            Insert
          </Button>
          <Link href="/desk/canned-replies" className="text-xs text-brand-700 hover:underline">
            Manage
          </Link>
        </span>
      </div>
      {previewing ? (
        <div aria-label="Preview" role="region" className="min-h-32 rounded-md border border-dashed border-slate-300 bg-white p-3">
          {preview.isPending ? <p className="text-sm text-slate-500">Rendering…</p> : preview.data && <MessageBody html={preview.data.html} />}
        </div>
      ) : (
        <TextAreaField
          label="Message"
          name="body"
          rows={8}
          required
          maxLength={50_000}
          autoFocus={autoFocus}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setSent("");
          }}
          hint={internal ? "Only staff see internal notes; the customer is never told about them." : "The customer reads this and gets it by e-mail. Markdown works: **bold**, `code`, lists, links."}
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={!body.trim() || reply.isPending}>
          {reply.isPending ? "Sending…" : internal ? "Add internal note" : "Send public reply"}
        </Button>
        <select aria-label="Then set the status to" value={status} onChange={(e) => setStatus(e.target.value as TicketStatus | "")} className={control}>
          <option value="">Status: as it goes</option>
          {ticketStatuses.map((s) => (
            <option key={s} value={s}>
              Then: {statusWords[s]}
            </option>
          ))}
        </select>
        <Button variant="ghost" size="sm" disabled={!body.trim()} onClick={togglePreview} aria-pressed={previewing}>
          {previewing ? "Back to writing" : "Preview"}
        </Button>
        <span role="status" className="text-sm text-emerald-700">
          {sent}
        </span>
      </div>
      <ErrorNote error={reply.error ?? (previewing ? preview.error : null)} />
    </form>
  );
}
