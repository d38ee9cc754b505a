import { z } from "zod";
import type { SnippetContext, SnippetKind, StagedCheck } from "../kind";
import { snippetFileStem } from "./host-file-name";
import { nginxConfDir, nginxSnippetDir } from "./nginx-base-conf";
import { parseNginx, walkNginx } from "./nginx-parse";
import { nginxPolicy } from "./nginx-policy";

export type NginxContent = { text: string };

/** The host path of a snippet's include, relative to the host's root. */
export const nginxSnippetPath = (context: SnippetContext) => `${nginxSnippetDir}/${snippetFileStem(context)}.conf`;

/**
 * `nginx -t` on the staged copy of etc/nginx. `-p` makes the base configuration's relative paths
 * (pid, temp directories, `include hostdesk/*.conf`) resolve inside the stage; `-e` (nginx ≥ 1.19.5)
 * keeps nginx from opening its compiled-in error log before it has read the configuration, which
 * would need root. A host whose nginx.conf includes by absolute path would test its live files, not
 * the staged ones, which is why the base configuration includes by relative path.
 */
export const nginxStagedCheck: StagedCheck = {
  copyDir: nginxConfDir,
  argv: ["nginx", "-t", "-q", "-p", `{stage}/${nginxConfDir}/`, "-c", `{stage}/${nginxConfDir}/nginx.conf`, "-e", `{stage}/${nginxConfDir}/error.log`],
};

const starterText = `# Server-level directives for your site: this file is included inside the provider's server block.
location /api/ {
    proxy_pass http://127.0.0.1:3000;
}
`;

const withFinalNewline = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

/** Plain words for each location: where its requests go. */
function explainNginx(content: NginxContent): string[] {
  const lines: string[] = [];
  for (const { directive } of walkNginx(parseNginx(content.text).directives)) {
    if (directive.name !== "location" || !directive.block) continue;
    const where = directive.args.join(" ");
    const inner = new Map(directive.block.map((d) => [d.name, d.args] as const));
    const pass = [...inner.entries()].find(([name]) => name.endsWith("_pass"));
    if (pass) lines.push(`Requests to ${where} go to ${pass[1].join(" ")}.`);
    else if (inner.has("return")) lines.push(`Requests to ${where} are answered with ${inner.get("return")!.join(" ")}.`);
    else if (inner.has("alias") || inner.has("root")) lines.push(`Requests to ${where} are served from files in ${(inner.get("alias") ?? inner.get("root"))!.join(" ")}.`);
    else lines.push(`Requests to ${where} have their own settings.`);
  }
  if (lines.length === 0) lines.push("Server-level settings only; no locations of its own.");
  return lines;
}

export const nginxKind: SnippetKind<NginxContent> = {
  name: "nginx",
  title: "nginx include",
  description: "Server-level nginx directives for your site, such as location blocks, proxying and headers, checked with nginx -t before they go live.",
  editor: "text",
  language: "nginx",
  defaultMode: "review",
  // Generous: the policy refuses anything over 64 KiB with a clearer message; this only bounds memory.
  schema: z.object({ text: z.string().max(256 * 1024, "The snippet is far too large.") }),
  starter: { text: starterText },
  policy: (content, context) => nginxPolicy(content.text, context),
  explain: explainNginx,
  render: (content, context) => [
    {
      path: nginxSnippetPath(context),
      // The marker goes last so the file's lines are the editor's lines: nginx -t reports them as they are.
      content: `${withFinalNewline(content.text.replace(/\r\n?/g, "\n"))}# Written by Hostdesk for ${context.orgSlug}/${context.snippetSlug}; edits made here are overwritten.\n`,
      mode: 0o644,
    },
  ],
  stagedCheck: nginxStagedCheck,
  reload: ["nginx", "-s", "reload"],
};
