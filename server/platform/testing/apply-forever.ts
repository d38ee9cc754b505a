import { pathToFileURL } from "node:url";
import { type DesiredKindState, applyHost } from "@/server/rollout/apply-host";
import { createLocalDriver } from "../local-driver";

/**
 * A process that applies ever-new generations of many large files to one local host until it is
 * killed: the crash-safety test SIGKILLs it mid-apply and inspects what it left.
 * Usage: node --import tsx apply-forever.ts <platformRoot> <hostName>
 */
export const crashFileCount = 30;

export function crashFile(index: number, generation: number) {
  return { path: `srv/app/conf/part-${index}.conf`, content: `${generation}:${"x".repeat(100_000)}:end-${generation}-${index}\n`, mode: 0o644 };
}

export function crashGroup(generation: number): DesiredKindState {
  return { kind: "app", files: Array.from({ length: crashFileCount }, (_, i) => crashFile(i, generation)), stagedCheck: null, reload: null };
}

async function main(platformRoot: string, hostName: string) {
  const driver = createLocalDriver(hostName, { platformRoot });
  for (let generation = 1; ; generation++) {
    const result = await applyHost(driver, [crashGroup(generation)]);
    if (result.outcome !== "applied") throw new Error(result.log.join("\n"));
    if (generation === 1) process.stdout.write("ready\n");
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [platformRoot, hostName] = process.argv.slice(2);
  if (!platformRoot || !hostName) throw new Error("usage: apply-forever.ts <platformRoot> <hostName>");
  await main(platformRoot, hostName);
}
