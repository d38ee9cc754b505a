import type http from "node:http";
import { log } from "@/server/log";

/** An answer that could not be produced or sent: the connection is cut if it had begun, else a plain 500. */
export function answerUnsent(res: http.ServerResponse, path: string, error: unknown): void {
  log.error("trpc.answer_not_sent", { path, error });
  if (res.headersSent) res.destroy();
  else res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Something went wrong on our side." } }));
}
