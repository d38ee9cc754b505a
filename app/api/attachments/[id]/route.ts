import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { actorFromCookie } from "@/server/auth/session-token";
import { attachmentForDownload } from "@/server/helpdesk/attachments";
import { attachmentDisposition } from "@/server/http/content-disposition";
import { errorResponse, jsonError } from "@/server/http/error-response";

export const dynamic = "force-dynamic";

/**
 * One ticket file, for someone who may see it (anyone else gets the 404 a missing file gets).
 * Always a download, never rendered in our origin: a file is the uploader's content, not ours.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const jar = await cookies();
  const actor = await actorFromCookie((name) => jar.get(name)?.value);
  if (!actor) return jsonError(401, "Sign in to download this file.");
  try {
    const file = await attachmentForDownload(getDb(), actor, (await params).id);
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.data.byteLength),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        // Should a browser render it anyway, it runs with no scripts, no forms and no origin.
        "Content-Security-Policy": "sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/attachments/[id]");
  }
}
