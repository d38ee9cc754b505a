import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SnippetContext, ValidationIssue } from "../kind";
import { baseNginxConf, nginxConfDir } from "./nginx-base-conf";
import { nginxErrorLine } from "./nginx-error-line";
import { nginxKind, nginxStagedCheck } from "./nginx";

export type NginxDryRun = { ok: boolean; issues: ValidationIssue[] };

/**
 * Runs the kind's real check (`nginx -t`, the same argv a host runs) on a throwaway stage holding
 * the base configuration and this one snippet, so an editor or a test learns what nginx says before
 * any host is involved. Issues come back at the snippet's own lines.
 */
export async function dryRunNginx(text: string, context: SnippetContext, options: { nginxBinary?: string; timeoutMs?: number } = {}): Promise<NginxDryRun> {
  const stage = await mkdtemp(path.join(tmpdir(), "hostdesk-nginx-"));
  try {
    await mkdir(path.join(stage, nginxConfDir), { recursive: true });
    await writeFile(path.join(stage, nginxConfDir, "nginx.conf"), baseNginxConf());
    const files = nginxKind.render({ text }, context);
    for (const file of files) {
      await mkdir(path.dirname(path.join(stage, file.path)), { recursive: true });
      await writeFile(path.join(stage, file.path), file.content, { mode: file.mode });
    }
    const [command, ...args] = nginxStagedCheck.argv.map((arg) => arg.replaceAll("{stage}", stage));
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(options.nginxBinary ?? command!, args, { timeout: options.timeoutMs ?? 15_000 }, (err, _stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stderr: err && code === -1 ? `${stderr}${err.message}` : stderr });
      });
    });
    if (result.code === 0) return { ok: true, issues: nginxErrorLine(result.stderr, files[0]!.path) };
    const issues = nginxErrorLine(result.stderr, files[0]!.path);
    return { ok: false, issues: issues.length > 0 ? issues : [{ line: null, message: `nginx -t failed with exit ${result.code}`, severity: "error" }] };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
