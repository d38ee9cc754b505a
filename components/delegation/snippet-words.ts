import type { RevisionStatus, RolloutDetail, RolloutHost, SnippetDetail } from "./types";

type Tone = "neutral" | "info" | "good" | "warn" | "bad";

export const serversWord = (n: number) => `${n} server${n === 1 ? "" : "s"}`;

/** A revision's lifecycle status, for customers and staff alike. */
export const revisionStatusWords: Record<RevisionStatus, string> = {
  draft: "Draft",
  submitted: "Waiting for review",
  approved: "Approved",
  rejected: "Rejected",
  rolling_out: "Rolling out",
  applied: "Applied",
  failed: "Failed to apply",
  superseded: "Replaced by a newer version",
};

export const revisionStatusTone: Record<RevisionStatus, Tone> = {
  draft: "neutral",
  submitted: "info",
  approved: "info",
  rejected: "bad",
  rolling_out: "warn",
  applied: "good",
  failed: "bad",
  superseded: "neutral",
};

export const hostStateWords: Record<RolloutHost["state"], string> = {
  pending: "Waiting",
  applying: "Applying now",
  applied: "Applied",
  unchanged: "Already up to date",
  failed: "Failed",
};

export const hostStateTone: Record<RolloutHost["state"], Tone> = { pending: "neutral", applying: "warn", applied: "good", unchanged: "good", failed: "bad" };

export const modeWords = { review: "Needs review", auto: "Applies at once" } as const;

/** Hosts that are finished with a rollout, whichever way it went: the progress bar's value. */
export const hostsFinished = (counts: RolloutDetail["counts"]) => counts.applied + counts.unchanged + counts.failed;
export const rolloutFinished = (rollout: Pick<RolloutDetail, "status">) => rollout.status === "done" || rollout.status === "failed";

/** One sentence of where a rollout stands: "Rolling out: 3 of 5 servers", "Applied on all servers". */
export function rolloutSentence(rollout: Pick<RolloutDetail, "status" | "counts" | "hostsTotal">): string {
  const total = rollout.hostsTotal;
  if (rollout.counts.failed > 0 && rolloutFinished(rollout)) return `Failed on ${serversWord(rollout.counts.failed)} of ${total}`;
  if (rollout.status === "done") return total === 0 ? "Done: no servers are in reach of this snippet" : "Applied on all servers";
  if (rollout.status === "pending" && hostsFinished(rollout.counts) === 0) return `Queued: 0 of ${serversWord(total)}`;
  return `Rolling out: ${hostsFinished(rollout.counts)} of ${serversWord(total)}`;
}

/**
 * A snippet's state in a customer's words: what is live, what waits, what went wrong. `rollout` is
 * the newest rollout's progress when one is running.
 */
export function snippetStatus(snippet: Pick<SnippetDetail, "revisions" | "hosts" | "appliedRevisionId">, rollout?: RolloutDetail | null): { words: string; tone: Tone } {
  const current = snippet.revisions[0];
  const live = snippet.appliedRevisionId ? `Live on ${serversWord(snippet.hosts.length)}` : null;
  if (rollout && !rolloutFinished(rollout)) return { words: rolloutSentence(rollout), tone: "warn" };
  if (!current) return { words: "Empty", tone: "neutral" };
  switch (current.status) {
    case "submitted":
      return { words: "Waiting for review", tone: "info" };
    case "rejected":
      return { words: `Rejected: ${current.rejectReason ?? "no reason given"}`, tone: "bad" };
    case "failed":
      return { words: "Could not be applied; open it to see why", tone: "bad" };
    case "approved":
    case "rolling_out":
      return { words: "Approved, rolling out soon", tone: "warn" };
    case "draft":
      return live ? { words: `${live} · unsent changes`, tone: "good" } : { words: "Draft, not sent yet", tone: "neutral" };
    default:
      return live ? { words: live, tone: "good" } : { words: revisionStatusWords[current.status], tone: revisionStatusTone[current.status] };
  }
}

/** "3 minutes ago"-style times are shown elsewhere; here a short absolute stamp fits dense tables. */
export function stamp(at: Date | string | null | undefined): string {
  if (!at) return "—";
  const date = typeof at === "string" ? new Date(at) : at;
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
}

/** One finding as a sentence, with its line where it has one: "Line 3: unknown directive …". */
export const issueText = (issue: { line: number | null; message: string }) => (issue.line ? `Line ${issue.line}: ${issue.message}` : issue.message);
