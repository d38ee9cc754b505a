import type { TaskList } from "graphile-worker";
import { getDb } from "@/db/client";
import { log } from "@/server/log";
import { pruneLoginAttempts } from "./prune";

/** Every task the worker runs. Task names are snake_case identifiers stored in the job queue. */
export const taskList: TaskList = {
  prune_login_attempts: async () => {
    const removed = await pruneLoginAttempts(getDb());
    log.info("worker.pruned_login_attempts", { removed });
  },
};

/** Periodic jobs. Event-driven work is queued by the web process; these are housekeeping only. */
export const crontab = ["17 * * * * prune_login_attempts ?jobKey=prune_login_attempts"].join("\n");
