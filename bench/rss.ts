import fs from "node:fs";

const SAMPLE_INTERVAL_MS = 200;

function readRssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null; // the process has exited
  }
}

function readComm(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return String(pid);
  }
}

/** pid → parent pid for every process, from /proc/<pid>/stat (the comm field may hold spaces and parens). */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  return children;
}

/** The root and all its descendants, labelled `root` and `root/<comm>`. */
function processTree(label: string, rootPid: number): Map<number, string> {
  const tree = new Map<number, string>([[rootPid, label]]);
  const children = parentMap();
  const queue = [rootPid];
  // Bounded: each pid is visited once and /proc holds finitely many.
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const child of children.get(pid) ?? []) {
      if (tree.has(child)) continue;
      tree.set(child, `${label}/${readComm(child)}`);
      queue.push(child);
    }
  }
  return tree;
}

/** `stop` may be called more than once; later calls return the first result. */
export type RssSampler = { stop: () => Record<string, number> };

/**
 * Samples VmRSS of a process and its descendants every 200 ms until stopped, and returns the peak
 * per label in MB. Descendants with the same command name share a label (their peak is the max).
 */
export function sampleRss(label: string, rootPid: number): RssSampler {
  const peakKb = new Map<string, number>();
  const sample = () => {
    for (const [pid, name] of processTree(label, rootPid)) {
      const kb = readRssKb(pid);
      if (kb !== null && kb > (peakKb.get(name) ?? 0)) peakKb.set(name, kb);
    }
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  let result: Record<string, number> | undefined;
  return {
    stop: () => {
      if (!result) {
        clearInterval(timer);
        sample();
        result = Object.fromEntries([...peakKb].map(([name, kb]) => [name, Math.round((kb / 1024) * 10) / 10]));
      }
      return result;
    },
  };
}
