/**
 * Revisions are history: the database refuses to rewrite or delete them; diffs compare their
 * canonical text; the desk's queue shows what is waiting, and bulk decisions are all or nothing.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { snippetRevisions, snippets } from "@/db/schema";
import { demoNginxChange, demoNginxLive } from "@/db/seed/delegation";
import { vmByName } from "@/server/inventory/testing";
import { callerFor } from "@/server/testing/actors";
import { expectRefusal, orgIdOf, revisionRow } from "./testing";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let engineer: Caller, owner: Caller;
let acme: string;
let seeded: { snippetId: string; applied: string; submitted: string };

beforeAll(async () => {
  engineer = await callerFor("engineer@hostdesk.test");
  owner = await callerFor("owner@acme.test");
  acme = await orgIdOf("acme");
  const [snippet] = await getDb().select().from(snippets).where(eq(snippets.slug, "web-cache"));
  const revisions = await getDb().select().from(snippetRevisions).where(eq(snippetRevisions.snippetId, snippet!.id));
  seeded = { snippetId: snippet!.id, applied: revisions.find((r) => r.status === "applied")!.id, submitted: revisions.find((r) => r.status === "submitted")!.id };
});

describe("immutability", () => {
  it("the database refuses to change a revision's content, author or findings, or to delete it; the status may move", async () => {
    const pool = getPool();
    await expect(pool.query(`update snippet_revisions set content = '{"text":"evil"}' where id = $1`, [seeded.applied])).rejects.toThrow(/immutable/);
    await expect(pool.query(`update snippet_revisions set validation = '{"issues":[],"errors":0,"warnings":1}' where id = $1`, [seeded.applied])).rejects.toThrow(/immutable/);
    await expect(pool.query("update snippet_revisions set number = 99 where id = $1", [seeded.applied])).rejects.toThrow(/immutable/);
    await expect(pool.query("delete from snippet_revisions where id = $1", [seeded.applied])).rejects.toThrow(/kept forever/);
    await expect(pool.query("truncate snippet_revisions cascade")).rejects.toThrow(/kept forever/);
    expect((await revisionRow(seeded.applied)).content).toEqual({ text: demoNginxLive });
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query("update snippet_revisions set status = 'superseded' where id = $1", [seeded.applied]);
      await client.query("rollback");
    } finally {
      client.release();
    }
  });
});

describe("diff", () => {
  it("is a unified diff of the two revisions' text", async () => {
    const diff = await owner.delegation.diff({ fromRevisionId: seeded.applied, toRevisionId: seeded.submitted });
    expect(diff.from.text).toBe(demoNginxLive);
    expect(diff.to.text).toBe(demoNginxChange);
    expect(diff.patch).toContain("--- web-cache r1");
    expect(diff.patch).toContain("+++ web-cache r2");
    expect(diff.patch).toContain("-    expires 7d;");
    expect(diff.patch).toContain("+    expires 30d;");
    expect(diff.patch).toContain("+location /media/ {");
    expect(diff.deletions).toBe(1);
    expect(diff.additions).toBe(diff.to.text.split("\n").length - diff.from.text.split("\n").length + 1);
    expect(diff.identical).toBe(false);
  });

  it("compares a form kind by the files it renders", async () => {
    const { snippetId, revisionId } = await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: "diff-flags", name: "Flags", scope: { type: "org" } });
    const kinds = await owner.delegation.kinds();
    const starter = kinds.find((k) => k.name === "features")!.starter;
    const same = await owner.delegation.saveDraft({ snippetId, content: starter });
    expect(same.unchanged).toBe(true);
    const diff = await owner.delegation.diff({ fromRevisionId: revisionId, toRevisionId: revisionId });
    expect(diff.identical).toBe(true);
    expect(diff.from.text).toMatch(/^# /);
  });

  it("refuses revisions of two different snippets", async () => {
    const { revisionId } = await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: "diff-other", name: "Other", scope: { type: "org" } });
    await expectRefusal(() => owner.delegation.diff({ fromRevisionId: seeded.applied, toRevisionId: revisionId }), "BAD_REQUEST");
  });
});

describe("approvals queue", () => {
  it("lists submitted revisions with org, kind, hosts, reload and findings; customers cannot read it", async () => {
    const queue = await engineer.delegation.approvalsQueue({});
    const item = queue.find((q) => q.revisionId === seeded.submitted);
    expect(item).toMatchObject({ orgName: "Acme", kind: "nginx", slug: "web-cache", target: "acme-web01", hostsCount: 1, hosts: ["acme-web01"], number: 2 });
    expect(item!.reload).toEqual(expect.any(Array));
    expect(item!.validation.errors).toBe(0);
    expect(item!.ticketNumber).toEqual(expect.any(Number));
    await expectRefusal(() => owner.delegation.approvalsQueue({}), "FORBIDDEN");
  });

  it("bulk decisions are all or nothing", async () => {
    const web01 = (await vmByName("acme-web01")).id;
    const made: string[] = [];
    for (const n of [1, 2]) {
      const { revisionId } = await owner.delegation.snippets.create({ orgId: acme, kind: "nginx", slug: `bulk-${n}`, name: `Bulk ${n}`, scope: { type: "vm", vmId: web01 }, content: { text: `location /bulk${n}/ {\n    expires 1h;\n}\n` } });
      await owner.delegation.submit({ revisionId });
      made.push(revisionId);
    }
    const draft = await owner.delegation.snippets.create({ orgId: acme, kind: "nginx", slug: "bulk-draft", name: "Bulk draft", scope: { type: "vm", vmId: web01 }, content: { text: "location /draft/ {\n    expires 1h;\n}\n" } });
    // One that cannot be approved (a draft) stops the whole batch.
    await expectRefusal(() => engineer.delegation.approveMany({ revisionIds: [...made, draft.revisionId] }), "CONFLICT");
    const result = await engineer.delegation.approveMany({ revisionIds: made });
    expect(result.approved).toBe(2);
    for (const id of made) expect((await revisionRow(id)).status).toBe("rolling_out");
    const queue = await engineer.delegation.approvalsQueue({ orgId: acme });
    expect(queue.some((q) => made.includes(q.revisionId))).toBe(false);

    const { revisionId } = await owner.delegation.snippets.create({ orgId: acme, kind: "nginx", slug: "bulk-3", name: "Bulk 3", scope: { type: "vm", vmId: web01 }, content: { text: "location /bulk3/ {\n    expires 1h;\n}\n" } });
    await owner.delegation.submit({ revisionId });
    await engineer.delegation.rejectMany({ revisionIds: [revisionId, seeded.submitted], reason: "Not during the sale week." });
    expect((await revisionRow(revisionId)).status).toBe("rejected");
    expect((await revisionRow(seeded.submitted)).rejectReason).toBe("Not during the sale week.");
  });
});
