/**
 * The inbound mail process (`npm run start:mail`, started by the launcher next to web and worker):
 * an SMTP server the MTA relays support mail to. It listens only once the database answers and is
 * migrated, like the web process, and drains open sessions on SIGTERM.
 */
import { closeDb, getDb } from "@/db/client";
import { waitUntilReady } from "@/server/health/readiness";
import { log } from "@/server/log";
import { inboundConfig } from "./config";
import { closeServer, createInboundServer, listen } from "./inbound-server";

process.env.HOSTDESK_PROCESS ??= "mail";
const config = inboundConfig();

await waitUntilReady("mail");

const server = createInboundServer({ db: getDb(), maxBytes: config.maxBytes });
const port = await listen(server, config.port, config.host);
log.info("mail.inbound_listening", { host: config.host, port, maxBytes: config.maxBytes });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("mail.inbound_stopping", { signal });
  await closeServer(server);
  await closeDb();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
