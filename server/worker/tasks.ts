import type { TaskList } from "graphile-worker";
import { getDb } from "@/db/client";
import { log } from "@/server/log";
import { resealSecrets } from "@/server/delegation/reseal";
import { applyContractsStartingOn } from "@/server/helpdesk/recompute";
import { mailCrontab, mailTasks } from "@/server/mail/tasks";
import { rolloutCrontab, rolloutTasks } from "@/server/rollout/tasks";
import { pruneLoginAttempts } from "./prune";

/** Every task the worker runs. Task names are snake_case identifiers stored in the job queue. */
export const taskList: TaskList = {
  prune_login_attempts: async () => {
    const removed = await pruneLoginAttempts(getDb());
    log.info("worker.pruned_login_attempts", { removed });
  },
  contracts_take_effect: async () => {
    const day = new Date().toISOString().slice(0, 10);
    const moved = await applyContractsStartingOn(getDb(), day);
    log.info("worker.contracts_took_effect", { day, ticketsMoved: moved });
  },
  reseal_secrets: async () => {
    const report = await resealSecrets(getDb());
    log.info("worker.secrets_resealed", { ...report });
  },
  ...mailTasks,
  ...rolloutTasks,
};

/** Periodic jobs. Event-driven work is queued by the web process; these are housekeeping only. */
export const crontab = [
  "17 * * * * prune_login_attempts ?jobKey=prune_login_attempts",
  // Contract days start at midnight UTC (contracts.starts_on is a date); a few minutes after.
  "5 0 * * * contracts_take_effect ?jobKey=contracts_take_effect",
  // After a key rotation, secrets move to the newest key overnight; then the old key may go.
  "40 3 * * * reseal_secrets ?jobKey=reseal_secrets",
  mailCrontab,
  rolloutCrontab,
].join("\n");
