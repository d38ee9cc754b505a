import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { pgListener } from "@/server/helpdesk/pg-listener";

export const ROLLOUT_CHANNEL = "hostdesk_rollouts";

/** What the worker tells progress pages: a host of the rollout moved, or the rollout finished. Ids only. */
export type RolloutAnnouncement = { rolloutId: string; kind: "host" | "finished" };

/** NOTIFY inside the worker's transaction: heard only once the change it describes has committed. */
export async function announceRollouts(tx: DbOrTx, rolloutIds: readonly string[], kind: RolloutAnnouncement["kind"]): Promise<void> {
  for (const rolloutId of [...new Set(rolloutIds)].sort()) {
    await tx.execute(sql`select pg_notify(${ROLLOUT_CHANNEL}, ${JSON.stringify({ rolloutId, kind } satisfies RolloutAnnouncement)})`);
  }
}

/** `changed`: re-read progress. `finished`: the rollout is done (read once more, then stop). `resync`: events may have been lost. */
export type RolloutEvent = { kind: "changed" | "finished" | "resync" };

/**
 * Yields whenever the rollout's progress changes, as NOTIFYs from any worker arrive on the process's
 * one LISTEN connection. Coalesced: ten thousand hosts finishing within a minute must not make a
 * page re-read ten thousand times, so at most one event per `minIntervalMs`. Ends after `finished`,
 * or when `signal` aborts. Wrap it in a tRPC subscription and re-read the rollout (getRollout) per event.
 */
export async function* rolloutEvents(rolloutId: string, signal?: AbortSignal, minIntervalMs = 250): AsyncGenerator<RolloutEvent> {
  const listener = pgListener();
  let pending: RolloutEvent["kind"] | null = null;
  let wake: (() => void) | null = null;
  const onEvent = (event: RolloutAnnouncement | { kind: "resync" }) => {
    if (event.kind === "resync") pending = pending === "finished" ? pending : "resync";
    else if (event.rolloutId !== rolloutId) return;
    else pending = event.kind === "finished" ? "finished" : (pending ?? "changed");
    wake?.();
  };
  const onAbort = () => wake?.();
  listener.on(ROLLOUT_CHANNEL, onEvent);
  signal?.addEventListener("abort", onAbort);
  try {
    await listener.listen(ROLLOUT_CHANNEL);
    while (!signal?.aborted) {
      if (pending === null) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (signal?.aborted || pending === null) continue;
      const kind: RolloutEvent["kind"] = pending;
      pending = null;
      yield { kind };
      if (kind === "finished") return;
      await new Promise((resolve) => setTimeout(resolve, minIntervalMs));
    }
  } finally {
    listener.off(ROLLOUT_CHANNEL, onEvent);
    signal?.removeEventListener("abort", onAbort);
  }
}
