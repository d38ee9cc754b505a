/**
 * The worker's side of a rollout, through the entry points people use (tRPC callers approve and
 * roll back) and the real queue (graphile-worker in this process), onto local host folders checked
 * with the real nginx.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, ne } from "drizzle-orm";
import { run } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, getDb } from "@/db/client";
import { driftEvents, hostStates, outboundMail, rollouts, snippetRevisions, snippets, ticketMessages, vms } from "@/db/schema";
import { demoNginxChange, demoNginxLive } from "@/db/seed/delegation";
import { kindOf } from "@/server/delegation/kinds/registry";
import { snippetSetting } from "@/server/delegation/snippet-context";
import { orgIdOf, revisionRow, snippetRow } from "@/server/delegation/testing";
import { closePgListener } from "@/server/helpdesk/pg-listener";
import { callerFor } from "@/server/testing/actors";
import { queueLogger } from "@/server/worker/queue-logger";
import { startConverge } from "./converge";
import { desiredStateOf } from "./desired-state";
import { rolloutEvents } from "./rollout-events";
import { rolloutTasks } from "./tasks";
import { drainRolloutJobs, hostFile, hostManifest, leftoversUnder, rolloutHostRows, rolloutRow, useTempPlatformRoot } from "./testing";
import { getRollout } from "@/server/delegation/rollouts";
import { actorFor } from "@/server/testing/actors";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let engineer: Caller;
let owner: Caller;
let acme: string;
let root: string;
let webCache: typeof snippets.$inferSelect;

beforeAll(async () => {
  root = useTempPlatformRoot("rollout");
  engineer = await callerFor("engineer@hostdesk.test");
  owner = await callerFor("owner@acme.test");
  acme = await orgIdOf("acme");
  webCache = (await getDb().select().from(snippets).where(eq(snippets.slug, "web-cache")))[0]!;
});
afterAll(async () => {
  await closePgListener();
  fs.rmSync(root, { recursive: true, force: true });
});

const acmeVms = async () => getDb().select().from(vms).where(and(eq(vms.orgId, acme), ne(vms.status, "retired")));
const web01 = async () => (await getDb().select().from(vms).where(eq(vms.name, "acme-web01")))[0]!;

/** The one file a snippet renders to, as the kind renders it for its own context. */
async function rendered(snippet: typeof snippets.$inferSelect, content: unknown) {
  const { context } = await snippetSetting(getDb(), snippet);
  const [file] = kindOf(snippet.kind).render(content, context);
  return file!;
}

const webCachePath = async () => (await rendered(webCache, { text: demoNginxLive })).path;

async function submitNginx(text: string) {
  const draft = await owner.delegation.saveDraft({ snippetId: webCache.id, content: { text } });
  await owner.delegation.submit({ revisionId: draft.revisionId });
  return draft.revisionId;
}

async function approve(revisionId: string) {
  await engineer.delegation.approve({ revisionId });
  const [rollout] = await getDb().select().from(rollouts).where(eq(rollouts.revisionId, revisionId)).orderBy(rollouts.generation);
  return rollout!;
}

describe("rollout worker", () => {
  it("pushes an approved change to every host it reaches: exactly the rendered file, and the revision is applied", async () => {
    const [pending] = await getDb().select().from(snippetRevisions).where(and(eq(snippetRevisions.snippetId, webCache.id), eq(snippetRevisions.status, "submitted")));
    const rollout = await approve(pending!.id);
    await drainRolloutJobs();

    const vm = await web01();
    expect(hostFile(root, vm.name, await webCachePath())).toBe((await rendered(webCache, { text: demoNginxChange })).content);
    expect(await rolloutRow(rollout.id)).toMatchObject({ status: "done", hostsTotal: 1 });
    expect((await rolloutHostRows(rollout.id)).map((h) => [h.name, h.state, h.filesWritten])).toEqual([["acme-web01", "applied", 1]]);
    expect((await revisionRow(pending!.id)).status).toBe("applied");
    expect((await snippetRow(webCache.id)).appliedRevisionId).toBe(pending!.id);
    const [state] = await getDb().select().from(hostStates).where(eq(hostStates.vmId, vm.id));
    expect(state!.generation).toBe(rollout.generation);
    const messages = await getDb().select().from(ticketMessages).where(eq(ticketMessages.ticketId, webCache.ticketId!));
    expect(messages.some((m) => m.authorKind === "system" && m.visibility === "public" && /Revision 2 .* is live on 1 host/.test(m.body))).toBe(true);
  });

  it("an org-wide change reaches every active VM of the org and no other org's", async () => {
    const content = { switches: { new_checkout: { enabled: true, description: "The redesigned checkout page" } } };
    const created = await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: "checkout", name: "Checkout", scope: { type: "org" }, content });
    const outcome = await owner.delegation.submit({ revisionId: created.revisionId });
    expect(outcome.status).toBe("rolling_out");
    await drainRolloutJobs();

    const snippet = await snippetRow(created.snippetId);
    const file = await rendered(snippet, content);
    const hosts = await acmeVms();
    for (const vm of hosts) {
      expect(hostFile(root, vm.name, file.path), vm.name).toBe(file.content);
      // Each host has exactly its desired state: the manifest lists what desiredStateOf renders.
      const desired = (await desiredStateOf(getDb(), vm.id)).flatMap((g) => g.files.map((f) => f.path)).sort();
      expect(Object.keys(hostManifest(root, vm.name)!.files).sort()).toEqual(desired);
    }
    const others = await getDb().select({ name: vms.name }).from(vms).where(ne(vms.orgId, acme));
    for (const vm of others) expect(fs.existsSync(path.join(root, vm.name)), vm.name).toBe(false);
    const rollout = (await getDb().select().from(rollouts).where(eq(rollouts.revisionId, created.revisionId)))[0]!;
    const progress = await getRollout(getDb(), await actorFor("agent@hostdesk.test"), { rolloutId: rollout.id });
    expect(progress).toMatchObject({ status: "done", hostsTotal: hosts.length, counts: { applied: hosts.length, failed: 0, pending: 0, applying: 0 } });
    expect(leftoversUnder(root)).toEqual([]);
  });

  it("a second identical push answers unchanged on every host and writes nothing", async () => {
    const hosts = await acmeVms();
    const mtimes = () => hosts.map((vm) => fs.statSync(path.join(root, vm.name, "var/lib/hostdesk/manifest.json")).mtimeMs);
    const before = mtimes();
    const pass = await startConverge(getDb(), { system: "test" }, { vmIds: hosts.map((h) => h.id) });
    await drainRolloutJobs();
    const rows = await rolloutHostRows(pass.rolloutId);
    expect(rows).toHaveLength(hosts.length);
    expect(rows.every((r) => r.state === "unchanged" && r.filesWritten === 0)).toBe(true);
    expect(mtimes()).toEqual(before);
    expect((await rolloutRow(pass.rolloutId)).status).toBe("done");
  });

  it("a failing nginx snippet fails its hosts without touching their files, fails the revision, and tells the ticket and staff", async () => {
    const vm = await web01();
    const filePath = await webCachePath();
    const live = hostFile(root, vm.name, filePath);
    const broken = `location /dup {\n    return 200 "a";\n}\nlocation /dup {\n    return 200 "b";\n}\n`;
    const revisionId = await submitNginx(broken);
    const rollout = await approve(revisionId);
    await drainRolloutJobs();

    expect(hostFile(root, vm.name, filePath)).toBe(live);
    const [row] = await rolloutHostRows(rollout.id);
    expect(row).toMatchObject({ state: "failed", filesWritten: 0 });
    expect(row!.log).toMatch(/duplicate location/);
    expect(row!.log).toMatch(/nothing was changed on the host/);
    expect((await rolloutRow(rollout.id)).status).toBe("failed");
    expect((await revisionRow(revisionId)).status).toBe("failed");
    const messages = await getDb().select().from(ticketMessages).where(eq(ticketMessages.ticketId, webCache.ticketId!));
    expect(messages.some((m) => m.authorKind === "system" && m.visibility === "public" && /could not be applied on 1 of 1 host/.test(m.body))).toBe(true);
    expect(messages.some((m) => m.authorKind === "system" && m.visibility === "internal" && /duplicate location/.test(m.body))).toBe(true);
    const mails = await getDb().select().from(outboundMail).where(eq(outboundMail.subject, `Rollout failed: Revision ${(await revisionRow(revisionId)).number} of the nginx snippet web-cache`));
    expect(mails.map((m) => m.toAddress)).toContain("engineer@hostdesk.test");
    // The failed revision is not desired: the hosts keep (and converge to) the last good one.
    const desired = await desiredStateOf(getDb(), vm.id);
    expect(desired.find((g) => g.kind === "nginx")!.files[0]!.content).toBe(live);
  });

  it("a rollback (a new revision from old content) puts the old content back", async () => {
    const vm = await web01();
    const [first] = await getDb().select().from(snippetRevisions).where(and(eq(snippetRevisions.snippetId, webCache.id), eq(snippetRevisions.number, 1)));
    const back = await owner.delegation.rollback({ revisionId: first!.id });
    const rollout = await approve(back.revisionId);
    await drainRolloutJobs();

    expect(hostFile(root, vm.name, await webCachePath())).toBe((await rendered(webCache, { text: demoNginxLive })).content);
    expect((await rolloutHostRows(rollout.id))[0]).toMatchObject({ state: "applied", filesWritten: 1 });
    expect((await revisionRow(back.revisionId)).status).toBe("applied");
    const statuses = await getDb().select({ number: snippetRevisions.number, status: snippetRevisions.status }).from(snippetRevisions).where(eq(snippetRevisions.snippetId, webCache.id)).orderBy(snippetRevisions.number);
    // Only the newest applied revision stays applied; the one it replaced on the hosts is superseded.
    expect(statuses.filter((s) => s.status === "applied").map((s) => s.number)).toEqual([back.number]);
    expect((await snippetRow(webCache.id)).appliedRevisionId).toBe(back.revisionId);
  });

  it("a converge pass repairs a hand-edited file and records the drift", async () => {
    const hosts = await acmeVms();
    const victim = hosts.find((h) => h.name !== "acme-web01")!;
    const featuresFile = (await desiredStateOf(getDb(), victim.id)).find((g) => g.kind === "features")!.files[0]!;
    fs.writeFileSync(path.join(root, victim.name, featuresFile.path), '{ "hand": "edited" }\n');

    const pass = await startConverge(getDb(), { system: "test" });
    expect(pass.hostsTotal).toBeGreaterThanOrEqual(hosts.length);
    await drainRolloutJobs();

    expect(hostFile(root, victim.name, featuresFile.path)).toBe(featuresFile.content);
    const rows = await rolloutHostRows(pass.rolloutId);
    expect(rows.find((r) => r.vmId === victim.id)).toMatchObject({ state: "applied", filesWritten: 1 });
    expect(rows.filter((r) => r.vmId !== victim.id).every((r) => r.state === "unchanged")).toBe(true);
    const events = await getDb().select().from(driftEvents).where(eq(driftEvents.vmId, victim.id));
    expect(events).toHaveLength(1);
    expect(events[0]!.paths).toEqual([featuresFile.path]);
    expect(events[0]!.repairedAt).not.toBeNull();
  });

  it("two changes for one host in quick succession: the newer content wins and the host never runs two applies at once", async () => {
    const vm = await web01();
    const hook = path.join(root, vm.name, "var/lib/hostdesk/hooks/reload-nginx");
    const marks = path.join(root, "reload-marks");
    fs.mkdirSync(path.dirname(hook), { recursive: true });
    // The reload stands in for a slow daemon and notices if another apply's reload runs at the same time.
    fs.writeFileSync(hook, `#!/bin/sh\nmkdir "${marks}.lock" 2>/dev/null || echo overlap >> "${marks}"\necho run >> "${marks}"\nsleep 1\nrmdir "${marks}.lock"\n`, { mode: 0o755 });

    const runner = await run({ connectionString: databaseUrl(), taskList: rolloutTasks, concurrency: 4, pollInterval: 100, noHandleSignals: true, logger: queueLogger });
    const controller = new AbortController();
    const heard: string[] = [];
    try {
      const first = await approve(await submitNginx(`location /first {\n    return 200 "first";\n}\n`));
      const events = (async () => {
        for await (const event of rolloutEvents(first.id, controller.signal, 10)) heard.push(event.kind);
      })();
      await waitFor(async () => (await rolloutHostRows(first.id))[0]!.state === "applying");
      const secondText = `location /second {\n    return 200 "second";\n}\n`;
      const second = await approve(await submitNginx(secondText));
      await waitFor(async () => (await rolloutRow(second.id)).status === "done" && (await rolloutRow(first.id)).status === "done");
      await events;

      expect(hostFile(root, vm.name, await webCachePath())).toBe((await rendered(webCache, { text: secondText })).content);
      const log = fs.readFileSync(marks, "utf8").trim().split("\n");
      expect(log).toEqual(["run", "run"]);
      expect((await snippetRow(webCache.id)).appliedRevisionId).toBe(second.revisionId);
      expect(heard.at(-1)).toBe("finished");
    } finally {
      controller.abort();
      await runner.stop();
      fs.rmSync(hook);
    }
  });

  it("two approvals before the worker runs share one apply, which answers both rollouts with the newest content", async () => {
    const vm = await web01();
    const a = await approve(await submitNginx(`location /a {\n    return 200 "a";\n}\n`));
    const bText = `location /b {\n    return 200 "b";\n}\n`;
    const b = await approve(await submitNginx(bText));
    const manifestBefore = hostManifest(root, vm.name)!.generation;
    await drainRolloutJobs();
    expect(hostFile(root, vm.name, await webCachePath())).toBe((await rendered(webCache, { text: bText })).content);
    expect(hostManifest(root, vm.name)!.generation).toBe(manifestBefore + 1);
    const rows = [...(await rolloutHostRows(a.id)), ...(await rolloutHostRows(b.id))];
    expect(rows.map((r) => r.state)).toEqual(["applied", "applied"]);
    const revisions = await getDb().select({ id: snippetRevisions.id, status: snippetRevisions.status }).from(snippetRevisions).where(inArray(snippetRevisions.id, [a.revisionId!, b.revisionId!]));
    expect(Object.fromEntries(revisions.map((r) => [r.id, r.status]))).toEqual({ [a.revisionId!]: "superseded", [b.revisionId!]: "applied" });
    const [state] = await getDb().select().from(hostStates).where(eq(hostStates.vmId, vm.id));
    expect(state!.generation).toBe(b.generation);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
