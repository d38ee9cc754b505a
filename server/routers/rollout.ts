import { tracked } from "@trpc/server";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { getRollout } from "@/server/delegation/rollouts";
import { rolloutIdInput } from "@/server/delegation/schemas";
import { pgListener } from "@/server/helpdesk/pg-listener";
import { ROLLOUT_CHANNEL, rolloutEvents } from "@/server/rollout/rollout-events";
import { authedProcedure, router } from "@/server/trpc";

type Progress = Awaited<ReturnType<typeof getRollout>>;
const finished = (rollout: Progress) => rollout.status === "done" || rollout.status === "failed";

/**
 * A rollout's progress, sent whole each time the worker reports a change, until it finishes.
 * `first` was read (and the actor's access checked) before the stream began; the next read happens
 * only once the listener is attached and the LISTEN has taken effect, so a change committed in
 * between cannot be missed.
 */
async function* rolloutProgress(db: Db, actor: Actor, first: Progress, signal: AbortSignal | undefined) {
  const rolloutId = first.id;
  let current = first;
  let seq = 0;
  if (finished(current)) {
    yield tracked(String(seq), current);
    return;
  }
  const events = rolloutEvents(rolloutId, signal)[Symbol.asyncIterator]();
  // Starting the generator attaches its handler at once; awaiting our own LISTEN makes sure it is live.
  let next = events.next();
  await pgListener().listen(ROLLOUT_CHANNEL);
  try {
    current = await getRollout(db, actor, { rolloutId });
    yield tracked(String(seq++), current);
    while (!finished(current)) {
      const step = await next;
      if (step.done) return;
      current = await getRollout(db, actor, { rolloutId });
      yield tracked(String(seq++), current);
      next = events.next();
    }
  } finally {
    await events.return(undefined);
  }
}

export const rolloutRouter = router({
  /** Live progress of one rollout (server-sent events); customers only ever hear of their own org's. */
  progress: authedProcedure.input(rolloutIdInput).subscription(async ({ ctx, input, signal }) => {
    // Read before the stream starts, so a refusal is an ordinary NOT_FOUND answer, not a broken stream.
    const first = await getRollout(ctx.db, ctx.actor, input);
    return rolloutProgress(ctx.db, ctx.actor, first, signal);
  }),
});
