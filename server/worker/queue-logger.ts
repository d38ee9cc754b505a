import { Logger } from "graphile-worker";
import { log } from "@/server/log";

/** graphile-worker's messages as our structured log lines, not its plain-text ones. */
export const queueLogger = new Logger((scope) => (level, message, meta) => {
  const write = level === "error" ? log.error : level === "warning" ? log.warn : level === "debug" ? log.debug : log.info;
  write("queue.log", { message, ...scope, ...meta });
});
