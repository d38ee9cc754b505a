/**
 * `npm test`: typecheck, lint, the Vitest suite on real Postgres, a production build, and the
 * Playwright journeys in Chromium. Every stage runs even when an earlier one fails (the browser suite
 * needs the build), and the run ends with one line: `N passed, N failed[, N skipped]`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const results = path.resolve("test-results");
fs.mkdirSync(results, { recursive: true });

function run(label: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** A stage that is one check (typecheck, lint, build) counts as one test. */
function check(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args);
  total[ok ? "passed" : "failed"] += 1;
  return ok;
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);
// Always a fresh build, so the browser suite tests this code and not an older build; removed first
// because an old build's generated route types would confuse the typecheck.
fs.rmSync(path.resolve(".next"), { recursive: true, force: true });

check("typecheck", bin("tsc"), ["--noEmit"]);
check("lint", bin("eslint"), ["--max-warnings=0", "."]);

const vitestReport = path.join(results, "vitest.json");
fs.rmSync(vitestReport, { force: true });
const vitestOk = run("unit and integration tests (Vitest, real Postgres)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestReport}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestReport);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1);
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else total.failed += 1;

const built = check("production build", process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"]);

if (built) {
  const playwrightReport = path.join(results, "playwright.json");
  fs.rmSync(playwrightReport, { force: true });
  const browserOk = run("browser journeys (Playwright, Chromium)", bin("playwright"), ["test"]);
  const browser = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightReport);
  if (browser) {
    total.passed += browser.stats.expected;
    total.failed += browser.stats.unexpected + browser.stats.flaky + (browserOk || browser.stats.unexpected > 0 ? 0 : 1);
    total.skipped += browser.stats.skipped;
  } else total.failed += 1;
}

fs.writeFileSync(path.join(results, "summary.json"), JSON.stringify(total));
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}\n`);
process.exitCode = total.failed === 0 ? 0 : 1;
