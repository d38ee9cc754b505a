import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actorFromCookie } from "@/server/auth/session-token";
import { MAX_ATTACHMENT_BYTES, MAX_FILES_PER_UPLOAD } from "@/server/helpdesk/attachment-rules";
import { storeAttachments, type IncomingFile } from "@/server/helpdesk/attachments";
import { errorResponse, jsonError } from "@/server/http/error-response";
import { BodyTooLarge, parseFormData, readLimitedBody } from "@/server/http/limited-body";
import { isSameOrigin } from "@/server/request-context";

export const dynamic = "force-dynamic";

// Room for the largest allowed upload plus the multipart framing around it.
const MAX_BODY_BYTES = MAX_FILES_PER_UPLOAD * MAX_ATTACHMENT_BYTES + 1024 * 1024;

/**
 * Files for a ticket, as multipart/form-data: `file` (one or more) and optionally `messageId`.
 * A plain route rather than tRPC, which handles binary bodies poorly; the same checks apply:
 * same origin, a valid session, and access to the ticket (another org's ticket is a 404).
 */
export async function POST(request: Request, { params }: { params: Promise<{ ticketId: string }> }) {
  // A cross-site form could post files with the victim's cookie: refuse it before anything else.
  if (!isSameOrigin(request.headers)) return jsonError(403, "This request came from another site and was refused.");
  const jar = await cookies();
  const actor = await actorFromCookie((name) => jar.get(name)?.value);
  if (!actor) return jsonError(401, "Sign in to continue.");
  const { ticketId } = await params;
  if (!z.uuid().safeParse(ticketId).success) return jsonError(404, "That ticket was not found.");
  let form: FormData;
  try {
    form = await parseFormData(await readLimitedBody(request, MAX_BODY_BYTES), request.headers.get("content-type"));
  } catch (error) {
    if (error instanceof BodyTooLarge) return jsonError(413, `That is more than we take at once: up to ${MAX_FILES_PER_UPLOAD} files of at most 10 MB each.`);
    return jsonError(400, "Send the files as multipart/form-data.");
  }
  try {
    const files: IncomingFile[] = [];
    for (const entry of form.getAll("file")) {
      if (typeof entry === "string") continue;
      files.push({ name: entry.name, claimedType: entry.type, data: new Uint8Array(await entry.arrayBuffer()) });
    }
    const messageId = form.get("messageId");
    const stored = await storeAttachments(getDb(), actor, ticketId, files, typeof messageId === "string" && messageId !== "" ? messageId : null);
    return Response.json({ attachments: stored }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "POST /api/tickets/[ticketId]/attachments");
  }
}
