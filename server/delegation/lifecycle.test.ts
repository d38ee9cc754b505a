/**
 * A snippet change from draft to rollout, through the procedures the portal and the desk call:
 * drafts, submission (and the help-desk ticket it opens), review, auto grants, supersession,
 * rollback, and refusals that say what to do and change nothing.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reviews, rolloutHosts, rollouts, ticketMessages, tickets } from "@/db/schema";
import { auditTrailOf, vmByName } from "@/server/inventory/testing";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { expectRefusal, orgIdOf, revisionRow, snippetRow } from "./testing";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let engineer: Caller, agent: Caller, owner: Caller, dev: Caller;
let acme: string, web01: string;

const nginx = (expires: string) => ({ text: `location /downloads/ {\n    expires ${expires};\n}\n` });

beforeAll(async () => {
  engineer = await callerFor("engineer@hostdesk.test");
  agent = await callerFor("agent@hostdesk.test");
  owner = await callerFor("owner@acme.test");
  dev = await callerFor("dev@acme.test");
  acme = await orgIdOf("acme");
  web01 = (await vmByName("acme-web01")).id;
});

let slugs = 0;
const newNginx = async (by: Caller = owner) => {
  const slug = `life-${++slugs}`;
  const created = await by.delegation.snippets.create({ orgId: acme, kind: "nginx", slug, name: `Lifecycle ${slugs}`, scope: { type: "vm", vmId: web01 }, content: nginx("1h") });
  return { ...created, slug };
};

const messagesOf = (ticketId: string) => getDb().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(asc(ticketMessages.createdAt));

describe("drafts", () => {
  it("start as revision 1; saving changed content makes the next revision and supersedes the older draft; saving the same content changes nothing", async () => {
    const { snippetId, revisionId } = await newNginx();
    expect(await revisionRow(revisionId)).toMatchObject({ number: 1, status: "draft" });
    const same = await owner.delegation.saveDraft({ snippetId, content: nginx("1h") });
    expect(same).toMatchObject({ revisionId, unchanged: true });
    const next = await owner.delegation.saveDraft({ snippetId, content: nginx("2h") });
    expect(next).toMatchObject({ number: 2, status: "draft", unchanged: false });
    expect((await revisionRow(revisionId)).status).toBe("superseded");
    expect((await snippetRow(snippetId)).currentRevisionId).toBe(next.revisionId);
    expect((await auditTrailOf(next.revisionId)).map((e) => e.action)).toEqual(["snippet.draft"]);
  });

  it("content not in the kind's form is refused and nothing is written", async () => {
    const { snippetId } = await newNginx();
    await expectRefusal(() => owner.delegation.saveDraft({ snippetId, content: { lines: 3 } }), "BAD_REQUEST", /expected form/);
  });

  it("validateDraft reports findings and writes nothing", async () => {
    const { snippetId } = await newNginx();
    const before = await databaseFingerprint();
    const report = await owner.delegation.validateDraft({ snippetId, content: nginx("3h") });
    expect(report).toMatchObject({ valid: true, errors: 0 });
    const broken = await owner.delegation.validateDraft({ snippetId, content: { text: 42 } });
    expect(broken.valid).toBe(false);
    expect(broken.errors).toBeGreaterThan(0);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("submission", () => {
  it("is refused, with the policy's own words and lines, while the content breaks policy; nothing changes", async () => {
    const { snippetId } = await newNginx();
    const bad = await owner.delegation.saveDraft({ snippetId, content: { text: "location /x/ {\n    root /etc;\n}\n" } });
    expect(bad.validation.errors).toBeGreaterThan(0);
    expect(bad.validation.issues[0]).toMatchObject({ line: 2, severity: "error" });
    await expectRefusal(() => owner.delegation.submit({ revisionId: bad.revisionId }), "BAD_REQUEST", /Fix these problems before submitting: line 2: root/);
  });
});

describe("secrets", () => {
  it("are stored sealed and never read back in clear; a mask saved as shown keeps the secret", async () => {
    await engineer.delegation.grants.grant({ orgId: acme, kind: "env_config", scope: { type: "vm", vmId: web01 } });
    const clear = "hunter2-very-secret";
    const { snippetId, revisionId } = await owner.delegation.snippets.create({
      orgId: acme,
      kind: "env_config",
      slug: "shop-env",
      name: "Shop settings",
      scope: { type: "vm", vmId: web01 },
      content: { text: `APP_ENV=production\nsecret DATABASE_PASSWORD=${clear}\n` },
    });
    expect(JSON.stringify((await revisionRow(revisionId)).content)).not.toContain(clear);
    const detail = await owner.delegation.snippets.get({ snippetId });
    expect(JSON.stringify(detail)).not.toContain(clear);
    const shown = detail.revisions[0]!.content as { text: string };
    expect(shown.text).toMatch(/secret DATABASE_PASSWORD=<secret:[0-9a-f]{8}>/);
    expect(await owner.delegation.saveDraft({ snippetId, content: shown })).toMatchObject({ revisionId, unchanged: true });
    const next = await owner.delegation.saveDraft({ snippetId, content: { text: `${shown.text}LOG_LEVEL=info\n` } });
    const diff = await owner.delegation.diff({ fromRevisionId: revisionId, toRevisionId: next.revisionId });
    expect(JSON.stringify(diff)).not.toContain(clear);
    expect(diff.patch).toContain("+LOG_LEVEL=info");
    const queue = await engineer.delegation.approvalsQueue({});
    expect(JSON.stringify(queue)).not.toContain(clear);
  });
});

describe("review", () => {
  it("submit opens a change-request ticket; reject says why on it; the next submission reuses it; approval starts the rollout", async () => {
    const { snippetId, revisionId, slug } = await newNginx();
    await expectRefusal(() => engineer.delegation.approve({ revisionId }), "CONFLICT", /still a draft/);

    const submitted = await owner.delegation.submit({ revisionId });
    expect(submitted).toMatchObject({ status: "submitted", mode: "review" });
    const [ticket] = await getDb().select().from(tickets).where(eq(tickets.id, submitted.ticketId!));
    expect(ticket!.subject).toBe(`Change request: nginx snippet ${slug} on acme-web01`);
    expect(ticket!.orgId).toBe(acme);
    expect((await snippetRow(snippetId)).ticketId).toBe(ticket!.id);
    await expectRefusal(() => owner.delegation.submit({ revisionId }), "CONFLICT", /already waiting for review/);

    await expectRefusal(() => owner.delegation.approve({ revisionId }), "FORBIDDEN");
    await expectRefusal(() => engineer.delegation.reject({ revisionId, reason: "" }), "BAD_REQUEST");
    await engineer.delegation.reject({ revisionId, reason: "Downloads must not be cached for an hour." });
    expect(await revisionRow(revisionId)).toMatchObject({ status: "rejected", rejectReason: "Downloads must not be cached for an hour." });
    expect((await messagesOf(ticket!.id)).at(-1)).toMatchObject({ visibility: "public", authorKind: "staff" });
    expect((await messagesOf(ticket!.id)).at(-1)!.body).toContain("Downloads must not be cached for an hour.");
    await expectRefusal(() => engineer.delegation.approve({ revisionId }), "CONFLICT", /rejected/);

    const second = await owner.delegation.saveDraft({ snippetId, content: nginx("5m") });
    const resubmitted = await owner.delegation.submit({ revisionId: second.revisionId });
    expect(resubmitted.ticketId).toBe(ticket!.id);

    const approved = await engineer.delegation.approve({ revisionId: second.revisionId });
    expect(approved.hostsTotal).toBe(1);
    expect(await revisionRow(second.revisionId)).toMatchObject({ status: "rolling_out" });
    expect((await snippetRow(snippetId)).approvedRevisionId).toBe(second.revisionId);
    const decisions = await getDb().select().from(reviews).where(eq(reviews.revisionId, second.revisionId));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.decision).toBe("approved");
    const [rollout] = await getDb().select().from(rollouts).where(eq(rollouts.id, approved.rolloutId));
    expect(rollout).toMatchObject({ revisionId: second.revisionId, orgId: acme, status: "pending", hostsTotal: 1 });
    expect(await getDb().select().from(rolloutHosts).where(eq(rolloutHosts.rolloutId, approved.rolloutId))).toEqual([
      expect.objectContaining({ vmId: web01, state: "pending" }),
    ]);
    expect((await messagesOf(ticket!.id)).at(-1)!.body).toMatch(/Approved revision 2/);
    expect((await auditTrailOf(second.revisionId)).map((e) => e.action)).toEqual(["snippet.draft", "snippet.submit", "snippet.approve"]);

    // The customer follows it on the rollout page; another customer cannot.
    const progress = await owner.delegation.rollout.get({ rolloutId: approved.rolloutId });
    expect(progress.hosts.map((h) => h.vmName)).toEqual(["acme-web01"]);
    expect(progress.counts.pending).toBe(1);
    await expectRefusal(async () => (await callerFor("owner@globex.test")).delegation.rollout.get({ rolloutId: approved.rolloutId }), "NOT_FOUND");
  });

  it("four eyes: staff cannot approve a revision they wrote", async () => {
    const { revisionId } = await newNginx(engineer);
    await engineer.delegation.submit({ revisionId });
    await expectRefusal(() => engineer.delegation.approve({ revisionId }), "FORBIDDEN", /another member of staff/);
    await agent.delegation.approve({ revisionId });
  });

  it("a newer approval supersedes older revisions that never reached the hosts", async () => {
    const { snippetId, revisionId: first } = await newNginx();
    await owner.delegation.submit({ revisionId: first });
    const draft = await dev.delegation.saveDraft({ snippetId, content: nginx("10m") });
    // The older submission waits while the newer one is drafted; submitting the newer supersedes it.
    expect((await revisionRow(first)).status).toBe("submitted");
    await dev.delegation.submit({ revisionId: draft.revisionId });
    expect((await revisionRow(first)).status).toBe("superseded");
    await expectRefusal(() => engineer.delegation.approve({ revisionId: first }), "CONFLICT", /superseded/);
    const third = await dev.delegation.saveDraft({ snippetId, content: nginx("20m") });
    await engineer.delegation.approve({ revisionId: draft.revisionId });
    // A draft older than the approved revision is superseded too; newer work is left alone.
    expect((await revisionRow(third.revisionId)).status).toBe("draft");
  });

  it("an auto grant approves a clean submission at once, by the system, without a ticket", async () => {
    // Seeded: features on every Acme VM, auto mode.
    const { snippetId, revisionId } = await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: "auto-flags", name: "Flags", scope: { type: "environment", environment: "staging" } });
    const outcome = await owner.delegation.submit({ revisionId });
    expect(outcome).toMatchObject({ status: "rolling_out", mode: "auto", ticketId: null });
    expect(outcome.rolloutId).toBeTruthy();
    const [decision] = await getDb().select().from(reviews).where(eq(reviews.revisionId, revisionId));
    expect(decision).toMatchObject({ decision: "approved", reviewerId: null });
    const detail = await owner.delegation.snippets.get({ snippetId });
    expect(detail.revisions[0]).toMatchObject({ status: "rolling_out", decidedByName: "automatic (auto grant)" });
    expect(detail.rollouts[0]!.hostsTotal).toBe(detail.hosts.length);
  });
});

describe("rollback", () => {
  it("brings an old revision's content back as a new revision based on it, and submits it", async () => {
    const { snippetId, revisionId: first } = await newNginx();
    await owner.delegation.submit({ revisionId: first });
    await engineer.delegation.approve({ revisionId: first });
    const second = await owner.delegation.saveDraft({ snippetId, content: nginx("9d") });
    await owner.delegation.submit({ revisionId: second.revisionId });
    await engineer.delegation.approve({ revisionId: second.revisionId });

    const back = await owner.delegation.rollback({ revisionId: first });
    expect(back).toMatchObject({ number: 3, basedOn: 1, status: "submitted" });
    const restored = await revisionRow(back.revisionId);
    const original = await revisionRow(first);
    expect(restored.content).toEqual(original.content);
    expect(restored.basedOnRevisionId).toBe(first);
    // The old revision itself is untouched.
    expect(original.number).toBe(1);
    await expectRefusal(() => owner.delegation.rollback({ revisionId: back.revisionId }), "CONFLICT", /already the newest/);
  });
});
