import pg from "pg";

const SERVICE_URL = "postgres://postgres@127.0.0.1:5432";
export const BENCH_DATABASE_NAME = "hostdesk_bench";

export type BenchDatabase = {
  url: string;
  /** True when the harness created the database itself (it was dropped and recreated). */
  fresh: boolean;
};

/**
 * The database the bench runs against: BENCH_DATABASE_URL as given, or a `hostdesk_bench`
 * database on the service Postgres, dropped and recreated so every run starts from the same data.
 * Nothing else on that server is touched.
 */
export async function prepareBenchDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, fresh: false };

  const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query("set client_min_messages = warning");
    await admin.query(`drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return { url: `${SERVICE_URL}/${BENCH_DATABASE_NAME}`, fresh: true };
}

/** Hides the password, if any, before a URL is printed or written to the results. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable url)";
  }
}
