/**
 * A real worker process is SIGKILLed in the middle of a rollout to 200 hosts; another worker
 * started after it must finish the job within a minute of the kill (heartbeat → unlock → rerun), and
 * every host must end whole and correct: applied exactly once for the rollout's generation, no
 * temporary or staged files anywhere, every host row answered.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, getDb } from "@/db/client";
import { hostStates, rollouts, vms } from "@/db/schema";
import { kindOf } from "@/server/delegation/kinds/registry";
import { snippetSetting } from "@/server/delegation/snippet-context";
import { orgIdOf, snippetRow } from "@/server/delegation/testing";
import { callerFor } from "@/server/testing/actors";
import { addLocalVms, hostFile, hostManifest, leftoversUnder, rolloutHostRows, rolloutRow, useTempPlatformRoot } from "./testing";

let root: string;
/** The workers' own logs (warnings and errors), kept for a look when the test fails. */
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "hostdesk-crash-logs-"));
const children: ChildProcess[] = [];

beforeAll(() => {
  root = useTempPlatformRoot("crash");
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
  fs.rmSync(root, { recursive: true, force: true });
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/worker/main.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl(), HOSTDESK_PLATFORM_ROOT: root, WORKER_CONCURRENCY: "4", LOG_LEVEL: "warn", HOSTDESK_PROCESS: "worker" },
    stdio: ["ignore", fs.openSync(path.join(logDir, `worker-${children.length + 1}.log`), "w"), "inherit"],
  });
  children.push(child);
  return child;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a worker killed mid-rollout", () => {
  it("another worker finishes its hosts within 60 s, each applied exactly once and whole", { timeout: 120_000 }, async () => {
    const acme = await orgIdOf("acme");
    const names = await addLocalVms(acme, "crash", 200);
    // Each host's nginx reload stands in for a daemon taking 100 ms, so the kill lands mid-rollout.
    for (const name of names) {
      const hook = path.join(root, name, "var/lib/hostdesk/hooks/reload-nginx");
      fs.mkdirSync(path.dirname(hook), { recursive: true });
      fs.writeFileSync(hook, "#!/bin/sh\nsleep 0.1\n", { mode: 0o755 });
    }
    const engineer = await callerFor("engineer@hostdesk.test");
    const owner = await callerFor("owner@acme.test");
    await engineer.delegation.grants.grant({ orgId: acme, kind: "nginx", scope: { type: "org" }, mode: "review" });
    const text = `location /crash-test {\n    return 200 "whole";\n}\n`;
    const created = await owner.delegation.snippets.create({ orgId: acme, kind: "nginx", slug: "crash-test", name: "Crash test", scope: { type: "org" }, content: { text } });
    await owner.delegation.submit({ revisionId: created.revisionId });

    const first = startWorker();
    await engineer.delegation.approve({ revisionId: created.revisionId });
    const [rollout] = await getDb().select().from(rollouts).where(eq(rollouts.revisionId, created.revisionId));
    const done = async () => (await rolloutHostRows(rollout!.id)).filter((r) => r.state !== "pending" && r.state !== "applying").length;
    await until(async () => (await done()) >= 30, 30_000, "the first worker to answer 30 hosts");
    first.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((resolve) => first.once("exit", resolve));
    const answeredBeforeKill = await done();
    expect(answeredBeforeKill).toBeLessThan(rollout!.hostsTotal);

    startWorker();
    await until(async () => (await rolloutRow(rollout!.id)).status !== "running" && (await rolloutRow(rollout!.id)).status !== "pending", 60_000, "the rollout to finish");
    const seconds = (Date.now() - killedAt) / 1000;
    expect(seconds).toBeLessThan(60);

    expect((await rolloutRow(rollout!.id)).status).toBe("done");
    const rows = await rolloutHostRows(rollout!.id);
    expect(rows.length).toBe(rollout!.hostsTotal);
    expect(rows.filter((r) => r.state !== "applied" && r.state !== "unchanged")).toEqual([]);

    const snippet = await snippetRow(created.snippetId);
    const { context } = await snippetSetting(getDb(), snippet);
    const [file] = kindOf("nginx").render({ text }, context);
    const crashVms = await getDb().select({ id: vms.id, name: vms.name }).from(vms).where(and(eq(vms.orgId, acme), inArray(vms.name, names)));
    const states = new Map((await getDb().select().from(hostStates).where(inArray(hostStates.vmId, crashVms.map((v) => v.id)))).map((s) => [s.vmId, s]));
    for (const vm of crashVms) {
      expect(hostFile(root, vm.name, file!.path), vm.name).toBe(file!.content);
      // A fresh host that took one change has manifest generation 1: one apply wrote it, however many ran.
      const manifest = hostManifest(root, vm.name)!;
      expect(manifest.generation, vm.name).toBe(1);
      expect(Object.keys(manifest.files), vm.name).toEqual([file!.path]);
      // The converge pass (every ten minutes on the clock) may have looked at the host since, under a
      // newer generation; it found the same bytes and wrote nothing, as the manifest's generation shows.
      expect(states.get(vm.id)?.generation, vm.name).toBeGreaterThanOrEqual(rollout!.generation);
    }
    expect(leftoversUnder(root)).toEqual([]);
    const others = await getDb().select({ name: vms.name }).from(vms).where(and(eq(vms.orgId, acme), ne(vms.status, "retired")));
    for (const vm of others) expect(hostFile(root, vm.name, file!.path), vm.name).toBe(file!.content);
    console.info(`crash test: killed after ${answeredBeforeKill} of ${rollout!.hostsTotal} hosts; the second worker finished ${seconds.toFixed(1)} s after the kill`);
  });
});
