import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "@/db/client";
import { log } from "@/server/log";
import { startConverge, sweepOpenRollouts } from "./converge";
import { fanOutRollout } from "./fan-out";
import { finishRollout } from "./finish-rollout";
import { applyHostNow } from "./host-apply-job";
import { APPLY_HOST_TASK, CONVERGE_TASK, FAN_OUT_TASK, FINISH_ROLLOUT_TASK } from "./jobs";

const rolloutPayload = z.object({ rolloutId: z.uuid() });
const hostPayload = z.object({ vmId: z.uuid() });

/** The rollout's worker tasks; spread into server/worker/tasks.ts. */
export const rolloutTasks: Record<string, Task> = {
  [FAN_OUT_TASK]: async (payload) => {
    const { rolloutId } = rolloutPayload.parse(payload);
    const { hosts } = await fanOutRollout(getDb(), rolloutId);
    log.info("rollout.fanned_out", { rolloutId, hosts });
  },
  [APPLY_HOST_TASK]: async (payload) => {
    const { vmId } = hostPayload.parse(payload);
    const report = await applyHostNow(getDb(), vmId);
    if (report.outcome === "failed") log.warn("rollout.host_failed", { vmId, rollouts: report.rolloutIds });
    else log.debug("rollout.host_done", { ...report });
  },
  [FINISH_ROLLOUT_TASK]: async (payload) => {
    const { rolloutId } = rolloutPayload.parse(payload);
    const result = await finishRollout(getDb(), rolloutId);
    if (result.finished) log.info("rollout.finished", { rolloutId, status: result.status, counts: result.counts });
  },
  [CONVERGE_TASK]: async () => {
    const swept = await sweepOpenRollouts(getDb());
    const pass = await startConverge(getDb(), { system: "converge" }, { skipIfRunning: true });
    log.info("rollout.converge_started", { ...pass, openRolloutsChecked: swept });
  },
};

/** The converge pass is the safety net, not the mechanism: approved changes are pushed as they are approved. */
export const rolloutCrontab = `*/10 * * * * ${CONVERGE_TASK} ?jobKey=${CONVERGE_TASK}`;
