/**
 * The hand-off from approval to the worker: in the caller's transaction, a rollout with one pending
 * row per affected host, the revision rolling out, and one queued `rollout` job.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { rolloutHosts, rollouts, snippetRevisions } from "@/db/schema";
import { orgIdOf, revisionRow } from "@/server/delegation/testing";
import { vmByName } from "@/server/inventory/testing";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { requestRollout, rolloutJobKey, ROLLOUT_TASK } from "./request";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let engineer: Caller;
let acme: string;

beforeAll(async () => {
  engineer = await callerFor("engineer@hostdesk.test");
  acme = await orgIdOf("acme");
});

/** A revision of a staging-wide snippet, moved to `approved` directly (lifecycle columns may change). */
async function approvedRevision(slug: string) {
  const { revisionId } = await engineer.delegation.snippets.create({ orgId: acme, kind: "features", slug, name: slug, scope: { type: "environment", environment: "staging" } });
  await getDb().update(snippetRevisions).set({ status: "approved" }).where(eq(snippetRevisions.id, revisionId));
  return revisionId;
}

// 0.17's public jobs view omits the payload: read it from the queue's own tables.
const jobsFor = async (rolloutId: string) =>
  (
    await getPool().query<{ task_identifier: string; payload: { rolloutId: string } }>(
      "select t.identifier as task_identifier, j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where j.key = $1",
      [rolloutJobKey(rolloutId)],
    )
  ).rows;

describe("requestRollout", () => {
  it("creates the rollout, a pending row per affected host, moves the revision to rolling_out and queues one job, all in the caller's transaction", async () => {
    const revisionId = await approvedRevision("request-one");
    const staging = await getPool().query<{ id: string }>("select id from vms where org_id = $1 and environment = 'staging' and status <> 'retired'", [acme]);
    const requested = await getDb().transaction((tx) => requestRollout(tx, revisionId));

    expect(requested.hostsTotal).toBe(staging.rows.length);
    expect(requested.vmIds.sort()).toEqual(staging.rows.map((r) => r.id).sort());
    const [rollout] = await getDb().select().from(rollouts).where(eq(rollouts.id, requested.rolloutId));
    expect(rollout).toMatchObject({ revisionId, orgId: acme, status: "pending", hostsTotal: staging.rows.length, generation: requested.generation, finishedAt: null });
    const hosts = await getDb().select().from(rolloutHosts).where(eq(rolloutHosts.rolloutId, requested.rolloutId));
    expect(hosts.map((h) => h.vmId).sort()).toEqual(requested.vmIds.sort());
    expect(hosts.every((h) => h.state === "pending" && h.filesWritten === 0 && h.log === "")).toBe(true);
    expect((await revisionRow(revisionId)).status).toBe("rolling_out");
    expect(await jobsFor(requested.rolloutId)).toEqual([{ task_identifier: ROLLOUT_TASK, payload: { rolloutId: requested.rolloutId } }]);
  });

  it("gives every rollout a later generation", async () => {
    const a = await getDb().transaction(async (tx) => requestRollout(tx, await approvedRevision("request-gen-a")));
    const b = await getDb().transaction(async (tx) => requestRollout(tx, await approvedRevision("request-gen-b")));
    expect(b.generation).toBeGreaterThan(a.generation);
  });

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    const revisionId = await approvedRevision("request-rolled-back");
    const before = await databaseFingerprint();
    await expect(
      getDb().transaction(async (tx) => {
        await requestRollout(tx, revisionId);
        throw new Error("the approval failed after the hand-off");
      }),
    ).rejects.toThrow(/approval failed/);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a revision that is not approved", async () => {
    const { revisionId } = await engineer.delegation.snippets.create({ orgId: acme, kind: "features", slug: "request-draft", name: "Draft", scope: { type: "vm", vmId: (await vmByName("acme-web01")).id } });
    await expect(getDb().transaction((tx) => requestRollout(tx, revisionId))).rejects.toThrow(/only an approved/);
    expect((await revisionRow(revisionId)).status).toBe("draft");
  });
});
