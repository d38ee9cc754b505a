/**
 * `npm run bench:mail`: inbound mail throughput. Starts the real inbound SMTP process
 * (server/mail/inbound-main.ts) on a free loopback port against the bench database, sends N mails
 * over a few concurrent SMTP connections (as an MTA relaying to it would) and reports messages per
 * second, counted from answers of 250 — each one a committed ticket, reply or quarantine entry.
 * A mix: new tickets from known customers, replies by reply address, unknown senders.
 *
 * Separate from `npm run bench`, which measures HTTP with autocannon: this is SMTP and needs no
 * build, no web process and no generated data beyond the demo seed (it uses generated customers
 * and tickets when the bench database has them). Reports; never fails on a missed target.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import pg from "pg";
import { createDb, createPool } from "@/db/client";
import { seedIfEmpty } from "@/db/seed/demo";
import { SUPPORT_ADDRESS, replyAddressFor } from "@/server/helpdesk/mail-addresses";
import { freePort } from "@/server/launcher/free-port";
import { migrateDatabase } from "@/server/launcher/migrate";
import { BENCH_DATABASE_NAME, redactUrl } from "./database";
import { startTracked, type Tracked } from "./processes";
import { resultsDir } from "./report";
import { sampleRss } from "./rss";

const TARGET_PER_SECOND = 50;
const SERVICE_URL = "postgres://postgres@127.0.0.1:5432";

const usage = `usage: npm run bench:mail -- [--messages N] [--connections C] [--warmup N]
  --messages     mails measured (default 1000)
  --connections  concurrent SMTP connections (default 4)
  --warmup       mails sent first, unmeasured (default 50)`;

function options() {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { messages: { type: "string" }, connections: { type: "string" }, warmup: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, fallback: number, min: number) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}.\n${usage}`);
    return value;
  };
  return { messages: int("messages", values.messages, 1000, 1), connections: int("connections", values.connections, 4, 1), warmup: int("warmup", values.warmup, 50, 0) };
}

/**
 * The bench database, without dropping it: BENCH_DATABASE_URL, else `hostdesk_bench` on the service
 * Postgres, created if missing. `npm run bench` may have filled it; the mail bench only adds to it.
 */
async function benchDatabase(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`create database ${BENCH_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return `${SERVICE_URL}/${BENCH_DATABASE_NAME}`;
}

type Corpus = { customers: string[]; replies: { from: string; token: string }[] };

/** Customers who belong to exactly one customer org (their mail opens a ticket), and open tickets they may answer. */
async function corpus(url: string): Promise<Corpus> {
  const pool = createPool(url, 2);
  try {
    await seedIfEmpty(createDb(pool));
    const single = `select m.user_id from memberships m join orgs o on o.id = m.org_id where o.kind = 'customer' group by m.user_id having count(*) = 1`;
    const customers = await pool.query<{ email: string }>(`select u.email from users u where u.disabled_at is null and u.id in (${single}) order by u.email limit 500`);
    const replies = await pool.query<{ email: string; reply_token: string }>(
      `select u.email, t.reply_token from tickets t join memberships m on m.org_id = t.org_id join users u on u.id = m.user_id
        where t.status <> 'closed' and t.merged_into_id is null and u.disabled_at is null and u.id in (${single}) limit 500`,
    );
    if (customers.rows.length === 0) throw new Error("the bench database has no customers; the demo seed did not run");
    return { customers: customers.rows.map((r) => r.email), replies: replies.rows.map((r) => ({ from: r.email, token: r.reply_token })) };
  } finally {
    await pool.end();
  }
}

/** Mail i of the run: 6 in 10 new tickets, 3 replies by reply address (when there are tickets), 1 from a stranger. */
function mailNumber(i: number, data: Corpus, run: string) {
  const kind = i % 10;
  const messageId = `<bench-${run}-${i}@bench.test>`;
  if (kind === 9) return { from: `stranger${i}@elsewhere.test`, to: SUPPORT_ADDRESS, subject: `Offer ${i}`, text: "Unsolicited.", messageId };
  if (kind >= 6 && data.replies.length > 0) {
    const reply = data.replies[i % data.replies.length]!;
    return { from: reply.from, to: replyAddressFor(reply.token), subject: "Re: your ticket", text: `Still seeing it (${i}).\n\nOn Mon, 1 Jun 2026, Hostdesk Support wrote:\n> Please check again.`, messageId };
  }
  const from = data.customers[i % data.customers.length]!;
  return { from, to: SUPPORT_ADDRESS, subject: `Bench problem ${i}`, text: `Something is wrong with service ${i}.`, messageId };
}

function waitForPort(port: number, proc: Tracked, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (proc.exited()) return reject(new Error(`the inbound mail process exited. Its last output:\n${proc.tail()}`));
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listened on ${port} within ${timeoutMs / 1000} s. Last output:\n${proc.tail()}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Sends mails [from, to) over `connections` pooled connections; returns per-mail latencies and refusals. */
async function sendRange(port: number, connections: number, from: number, to: number, data: Corpus, run: string) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    // Nagle off, as an MTA has it: otherwise the client's last small write of each mail waits for the
    // server's delayed ACK (~40 ms), and the bench would measure the harness, not Hostdesk.
    getSocket: (_options, callback) => {
      const socket = net.connect(port, "127.0.0.1", () => callback(null, { connection: socket }));
      socket.setNoDelay(true);
      socket.once("error", (error) => callback(error, null));
    },
  });
  const latencies: number[] = [];
  let refused = 0;
  let next = from;
  const lane = async () => {
    while (next < to) {
      const i = next++;
      const started = performance.now();
      try {
        await transport.sendMail(mailNumber(i, data, run));
        latencies.push(performance.now() - started);
      } catch (error) {
        refused++;
        if (refused <= 3) console.error(`bench:mail: mail ${i} refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
  transport.close();
  return { latencies, refused };
}

async function main() {
  const opts = options();
  const url = await benchDatabase();
  console.log(`bench:mail: database ${redactUrl(url)}`);
  await migrateDatabase(url);
  const data = await corpus(url);
  const port = await freePort();
  const proc = startTracked("mail", process.execPath, ["--import", "tsx", "server/mail/inbound-main.ts"], {
    ...process.env,
    DATABASE_URL: url,
    INBOUND_SMTP_PORT: String(port),
    HOSTDESK_PROCESS: "mail",
    LOG_LEVEL: "warn",
  });
  try {
    await waitForPort(port, proc, 60_000);
    const run = randomUUID().slice(0, 8);
    const before = await countRows(url);
    if (opts.warmup > 0) await sendRange(port, opts.connections, 0, opts.warmup, data, run);
    const rss = sampleRss("mail", proc.pid);
    const started = performance.now();
    const { latencies, refused } = await sendRange(port, opts.connections, opts.warmup, opts.warmup + opts.messages, data, run);
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = rss.stop();
    const after = await countRows(url);
    const sorted = [...latencies].sort((a, b) => a - b);
    const perSecond = latencies.length / seconds;
    const result = {
      startedAt: new Date().toISOString(),
      options: opts,
      database: redactUrl(url),
      accepted: latencies.length,
      refused,
      seconds: Math.round(seconds * 100) / 100,
      messagesPerSecond: Math.round(perSecond * 10) / 10,
      latencyMs: { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), p99: Math.round(percentile(sorted, 99)) },
      committed: { tickets: after.tickets - before.tickets, messages: after.messages - before.messages, quarantined: after.quarantined - before.quarantined },
      peakRssMb,
      target: { description: `≥ ${TARGET_PER_SECOND} messages/s`, pass: perSecond >= TARGET_PER_SECOND && refused === 0 },
    };
    const lines = [
      `| mails | connections | accepted | refused | messages/s | p50 ms | p95 ms | p99 ms | peak RSS MB | target |`,
      `|---|---|---|---|---|---|---|---|---|---|`,
      `| ${opts.messages} (+${opts.warmup} warm-up) | ${opts.connections} | ${result.accepted} | ${refused} | ${result.messagesPerSecond} | ${result.latencyMs.p50} | ${result.latencyMs.p95} | ${result.latencyMs.p99} | ${peakRssMb.mail ?? "–"} | ${result.target.pass ? "PASS" : "MISS"} ${result.target.description} |`,
      "",
      `Committed during the measured run and its warm-up: ${result.committed.tickets} tickets, ${result.committed.messages} messages, ${result.committed.quarantined} quarantined mails.`,
    ];
    console.log("\n" + lines.join("\n"));
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `mail-${result.startedAt.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    fs.writeFileSync(path.join(resultsDir, "mail-latest.md"), lines.join("\n") + "\n");
    console.log(`bench:mail: wrote ${file} and ${path.join(resultsDir, "mail-latest.md")}`);
  } finally {
    await proc.stop();
  }
}

async function countRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tickets: number; messages: number; quarantined: number }>(
      "select (select count(*) from tickets)::int as tickets, (select count(*) from ticket_messages)::int as messages, (select count(*) from inbound_quarantine)::int as quarantined",
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench:mail: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
