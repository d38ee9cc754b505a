import { sql } from "drizzle-orm";
import { makeWorkerUtils, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, getDb, getPool } from "@/db/client";
import { loginAttempts, workerHeartbeats } from "@/db/schema";
import { beat, reapDeadWorkers } from "./heartbeat";
import { taskList } from "./tasks";

let utils: Awaited<ReturnType<typeof makeWorkerUtils>>;
beforeAll(async () => {
  utils = await makeWorkerUtils({ connectionString: databaseUrl() });
});
afterAll(() => utils.release());

describe("worker", () => {
  it("runs the login-attempt pruning job from the real queue", async () => {
    const db = getDb();
    await db.insert(loginAttempts).values([
      { email: "old@x.test", ip: "1", succeeded: false, at: new Date(Date.now() - 3 * 86_400_000) },
      { email: "new@x.test", ip: "1", succeeded: false },
    ]);
    await utils.addJob("prune_login_attempts", {});
    await runOnce({ connectionString: databaseUrl(), taskList });
    const left = await db.select({ email: loginAttempts.email }).from(loginAttempts);
    expect(left.map((r) => r.email)).toEqual(["new@x.test"]);
  });

  it("unlocks the jobs of a worker whose heartbeat stopped, and leaves live workers alone", async () => {
    const db = getDb();
    const dead = { workerId: "dead-host:1", hostname: "dead-host", pid: 1, queueWorkerIds: ["worker-dead"] };
    const live = { workerId: "live-host:2", hostname: "live-host", pid: 2, queueWorkerIds: ["worker-live"] };
    await beat(db, dead);
    await beat(db, live);
    await db.execute(sql`update worker_heartbeats set last_seen_at = now() - interval '5 minutes' where worker_id = ${dead.workerId}`);
    const job = await utils.addJob("prune_login_attempts", {}, { jobKey: "stranded" });
    await getPool().query("update graphile_worker._private_jobs set locked_by = 'worker-dead', locked_at = now() where id = $1", [job.id]);

    expect(await reapDeadWorkers(db, utils)).toEqual([dead.workerId]);
    const row = await getPool().query("select locked_by from graphile_worker._private_jobs where id = $1", [job.id]);
    expect(row.rows[0]?.locked_by).toBeNull();
    const remaining = await db.select({ id: workerHeartbeats.workerId }).from(workerHeartbeats);
    expect(remaining.map((r) => r.id)).toEqual([live.workerId]);
    expect(await reapDeadWorkers(db, utils)).toEqual([]);
  });
});
