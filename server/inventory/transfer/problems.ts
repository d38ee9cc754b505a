import type { ZodError } from "zod";
import { badRequest, type DomainError } from "@/server/errors";

/** Enough to fix the first batch of mistakes; a document with thousands needs fixing at its source. */
export const MAX_LISTED_PROBLEMS = 20;

/** `["vms", 3, "storagePool", "device"]` → `vms[3].storagePool.device`, the way a reader finds it in the file. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else path += path ? `.${String(segment)}` : String(segment);
  }
  return path || "(document)";
}

/**
 * What is wrong with a document, each with the JSON path it is at. Counts every problem but keeps
 * only the first few, so a badly broken 100,000-row file costs no more memory than a good one.
 */
export class ImportProblems {
  private readonly listed: string[] = [];
  private total = 0;

  add(path: string, message: string): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(`${path}: ${message}`);
  }

  get count(): number {
    return this.total;
  }

  get messages(): readonly string[] {
    return this.listed;
  }

  /** BAD_REQUEST listing the problems; the import then changes nothing. */
  refusal(): DomainError {
    const more = this.total - this.listed.length;
    const lines = this.listed.map((line) => `- ${line}`);
    if (more > 0) lines.push(`- …and ${more} more.`);
    const fix = this.total === 1 ? "Fix this problem" : `Fix these ${this.total} problems`;
    return badRequest(`The inventory document was not imported and nothing was changed. ${fix} and import it again:\n${lines.join("\n")}`);
  }
}

export function problemsOfZodError(error: ZodError): ImportProblems {
  const problems = new ImportProblems();
  for (const issue of error.issues) problems.add(jsonPath(issue.path), issue.message);
  return problems;
}
