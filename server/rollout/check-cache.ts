import type { StagedCheckResult } from "./host-staged-check";
import type { StagedCheckCache } from "./apply-host";

/** How many verdicts a worker keeps, and for how long: long enough for one rollout, short enough that a flaky failure is retried soon. */
const LIMIT = 256;
const TTL_MS = 5 * 60_000;

/** A Map whose entries are forgotten after TTL_MS and beyond LIMIT (oldest first). */
class ExpiringVerdicts extends Map<string, Promise<StagedCheckResult>> {
  private readonly setAt = new Map<string, number>();

  override get(key: string) {
    const at = this.setAt.get(key);
    if (at !== undefined && Date.now() - at > TTL_MS) this.delete(key);
    return super.get(key);
  }

  override set(key: string, value: Promise<StagedCheckResult>) {
    super.delete(key);
    super.set(key, value);
    this.setAt.set(key, Date.now());
    // A Map iterates in insertion order: the first key is the oldest.
    while (this.size > LIMIT) this.delete(this.keys().next().value!);
    return this;
  }

  override delete(key: string) {
    this.setAt.delete(key);
    return super.delete(key);
  }
}

/**
 * One staged-check cache per worker process for local hosts: they all check with this machine's own
 * tools, so a byte-identical staged tree gets the same verdict (keys fingerprint the whole tree and
 * the command). A change rolled out to a thousand local hosts then runs `nginx -t` once, not a
 * thousand times. ssh hosts never use it (see ApplyHostOptions.checkCache).
 */
export function localCheckCache(): StagedCheckCache {
  const holder = globalThis as unknown as { __hostdeskCheckCache?: StagedCheckCache };
  return (holder.__hostdeskCheckCache ??= new ExpiringVerdicts());
}
