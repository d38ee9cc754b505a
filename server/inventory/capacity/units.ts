/**
 * The one place that turns sizes into words for messages, so every message shows them alike.
 * Memory is stored in MiB and shown in GiB where that is exact; disks are stored and shown in GB.
 */

/** Drops a trailing ".0" so "16 GiB" does not read as "16.0 GiB". */
function trimmed(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/**
 * `16384` → `"16 GiB"`, `1536` → `"1.5 GiB"`, `256` → `"0.25 GiB"`. A size that GiB with two
 * decimals cannot show exactly is given in MiB (`16385` → `"16385 MiB"`): these figures tell people
 * how much they may ask for, and "16 GiB free, 16 GiB needed" would be a riddle.
 */
export function formatMemory(memoryMb: number): string {
  const exactInGiB = Number.isInteger((memoryMb * 100) / 1024);
  return exactInGiB ? `${trimmed(memoryMb / 1024, 2)} GiB` : `${memoryMb} MiB`;
}

/** `120` → `"120 GB"`. */
export function formatGb(gb: number): string {
  return `${trimmed(gb, 1)} GB`;
}

/** `0.4` → `"40 %"`, `0.405` → `"40.5 %"`: one decimal, so a pool at 40.5 % does not read as sitting at its 40 % limit. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return "∞ %";
  return `${trimmed(share * 100, 1)} %`;
}
