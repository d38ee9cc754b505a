import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataCounts, GenerationTimings } from "./generate";
import type { Measurement, TargetVerdict } from "./measurement";
import type { BenchOptions } from "./options";

export type ScenarioReport = {
  name: string;
  description: string;
  method: string;
  path: string;
  app: Measurement;
  floor: Measurement;
  /** app req/s ÷ floor req/s */
  floorRatio: number;
  targets: TargetVerdict[];
};

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; totalMemoryMb: number };
  database: { url: string; fresh: boolean };
  data: DataCounts;
  /** Seconds generating the data took (the harness's own ANALYZE included), and per step. */
  generation: { seconds: number; steps: GenerationTimings };
  notes: string[];
  scenarios: ScenarioReport[];
};

export const resultsDir = path.resolve("bench/results");

export function environment(): BenchReport["environment"] {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
  };
}

const ms = (value: number) => value.toFixed(1);
const rss = (peaks: Record<string, number>) =>
  Object.entries(peaks)
    .map(([label, mb]) => `${label} ${mb.toFixed(0)} MB`)
    .join(", ") || "–";

function measurementRow(name: string, runsOn: string, m: Measurement): string {
  // No 2xx response finished inside the window (every request took longer): there is no latency to show.
  const latency = m.requests - m.non2xx > 0 ? `${ms(m.p50Ms)} | ${ms(m.p95Ms)} | ${ms(m.p99Ms)}` : "– | – | –";
  return `| ${name} | ${runsOn} | ${latency} | ${m.requestsPerSecond.toFixed(0)} | ${m.non2xx} / ${m.errors} | ${rss(m.peakRssMb)} |`;
}

export function renderMarkdown(report: BenchReport): string {
  const o = report.options;
  const lines = [
    `# Hostdesk bench — ${report.finishedAt}`,
    "",
    `scale ${o.scale} (${report.data.orgs} orgs, ${report.data.users} users, ${report.data.memberships} memberships, ` +
      `${report.data.devices} devices, ${report.data.vms} VMs, ${report.data.services} services; generated in ${report.generation.seconds.toFixed(1)} s) · ` +
      `concurrency ${o.concurrency} · ${o.durationSeconds} s measured per run after ${o.warmupSeconds} s warm-up · ` +
      `node ${report.environment.node} · ${report.environment.cpus} × ${report.environment.cpuModel}`,
    "",
    "| scenario | runs on | p50 ms | p95 ms | p99 ms | req/s | non-2xx / errors | peak RSS |",
    "|---|---|--:|--:|--:|--:|--:|---|",
  ];
  for (const s of report.scenarios) {
    lines.push(measurementRow(s.name, "app", s.app));
    lines.push(measurementRow(s.name, "floor", s.floor));
    lines.push(`| ${s.name} | app ÷ floor | | | | ${(s.floorRatio * 100).toFixed(0)} % | | |`);
  }
  lines.push("", "| scenario | target | actual | result |", "|---|---|--:|---|");
  for (const s of report.scenarios) {
    for (const t of s.targets) lines.push(`| ${s.name} | ${t.description} | ${t.actual} | ${t.pass ? "PASS" : "MISS"} |`);
  }
  lines.push("", ...report.scenarios.map((s) => `- **${s.name}**: \`${s.method} ${s.path}\` — ${s.description}`));
  lines.push("", ...report.notes.map((note) => `- ${note}`), "");
  return lines.join("\n");
}

/** Writes bench/results/<timestamp>.json and bench/results/latest.md; returns their paths. */
export function writeReport(report: BenchReport, markdown: string): { jsonPath: string; markdownPath: string } {
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = report.finishedAt.replace(/[:.]/g, "-");
  const jsonPath = path.join(resultsDir, `${stamp}.json`);
  const markdownPath = path.join(resultsDir, "latest.md");
  fs.writeFileSync(jsonPath, JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(markdownPath, markdown);
  return { jsonPath, markdownPath };
}
