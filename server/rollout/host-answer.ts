import type pg from "pg";
import type { ApplyOutcome } from "./apply-host";
import { ROLLOUT_CHANNEL, type RolloutAnnouncement } from "./rollout-events";

/** What one apply tells Postgres about its host. */
export type HostAnswer = {
  vmId: string;
  /** The rollouts whose open rows for the host the apply answers (those it opened). */
  rolloutIds: readonly string[];
  outcome: ApplyOutcome;
  log: string;
  filesWritten: number;
  /** What host_states should now say; null leaves it as it was (nothing was learnt about the host's files). */
  hostState: { generation: number; failed: boolean; files: Record<string, string> } | null;
  /** Rollouts whose progress pages should re-read now. */
  announce: readonly string[];
};

/**
 * One statement, so one round trip and one transaction (autocommit, or the caller's): the rows get
 * the outcome and log, host_states the generation and hashes, and progress pages a NOTIFY, heard
 * only once all of it has committed. A failed apply keeps the generation and time of the last good
 * one but records the hashes it found.
 */
const answerHostText = `
  with answered as (
    update rollout_hosts set state = $2::rollout_host_state, log = $3::text, files_written = $4::int, finished_at = now()
    where vm_id = $1::uuid and rollout_id = any($5::uuid[]) and state in ('pending', 'applying')
  ), recorded as (
    insert into host_states (vm_id, generation, file_hashes, applied_at)
    select $1::uuid, $6::bigint, $7::jsonb, now() where $8::boolean
    on conflict (vm_id) do update set
      generation = case when $9::boolean then host_states.generation else greatest(host_states.generation, excluded.generation) end,
      file_hashes = excluded.file_hashes,
      applied_at = case when $9::boolean then host_states.applied_at else now() end
  )
  select count(pg_notify('${ROLLOUT_CHANNEL}', payload)) from unnest($10::text[]) payload`;

export async function answerHost(client: pg.ClientBase, answer: HostAnswer): Promise<void> {
  const announcements = [...new Set(answer.announce)].sort().map((rolloutId) => JSON.stringify({ rolloutId, kind: "host" } satisfies RolloutAnnouncement));
  await client.query({
    name: "rollout_answer_host",
    text: answerHostText,
    values: [
      answer.vmId,
      answer.outcome,
      answer.log,
      answer.filesWritten,
      answer.rolloutIds,
      answer.hostState?.generation ?? 0,
      JSON.stringify(answer.hostState?.files ?? {}),
      answer.hostState !== null,
      answer.hostState?.failed ?? false,
      announcements,
    ],
  });
}
