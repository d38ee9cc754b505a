import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type SnippetContext, type SnippetKindName, snippetKindNames } from "@/server/delegation/kind";
import { kindOf } from "@/server/delegation/kinds/registry";
import { policyEnvironment } from "@/server/delegation/scope";
import type { DesiredKindState } from "./apply-host";

/**
 * Revisions a host may carry: approved and later. A failed revision is not desired (the host keeps
 * the last good one), nor are drafts, submissions and rejections; superseded ones have a newer one.
 */
export const desiredRevisionStatuses = ["approved", "rolling_out", "applied"] as const;

type Environment = SnippetContext["environment"];

/** One snippet's newest desired revision on one VM, as the rollout renders it. */
export type DesiredSnippet = {
  snippetId: string;
  revisionId: string;
  revisionNumber: number;
  kind: SnippetKindName;
  context: SnippetContext;
  content: unknown;
};

export type HostTarget = { vmId: string; name: string; status: string; environment: Environment };

/** A snippet's content could not be rendered; the host is reported failed rather than pushed half a state. */
export class RenderError extends Error {}

/**
 * Which snippets reach a VM: the reverse of `hostsAffected` in server/delegation/scope.ts (the org,
 * the VM's environment, the VM itself, a live service on it), always inside the VM's own org.
 */
const coversVmText = `s.org_id = v.org_id and (
    s.scope_type = 'org'
    or (s.scope_type = 'environment' and s.environment = v.environment)
    or (s.scope_type = 'vm' and s.vm_id = v.id)
    or (s.scope_type = 'service' and s.service_id in (select sv.id from services sv where sv.vm_id = v.id and sv.retired_at is null)))`;
const coversVm = sql.raw(coversVmText);

const desiredStatuses = desiredRevisionStatuses.map((s) => `'${s}'`).join(", ");

/** A desired snippet as the query below returns it. */
export type DesiredSnippetRow = {
  snippet_id: string;
  kind: SnippetKindName;
  slug: string;
  scope_type: "org" | "environment" | "vm" | "service";
  snippet_environment: Environment | null;
  org_slug: string;
  revision_id: string;
  number: number;
  content: unknown;
};

/**
 * The newest approved-or-later revision of every snippet that reaches the VM `$1`, in a stable
 * order. Plain text with a numbered parameter, so that the apply job can prepare it once per
 * connection and read it in the same statement that opens the host's rollout rows (host-open.ts).
 */
export const desiredSnippetRowsText = `
    select s.id as snippet_id, s.kind, s.slug, s.scope_type, s.environment as snippet_environment, o.slug as org_slug,
           r.id as revision_id, r.number, r.content
    from vms v
    join snippets s on ${coversVmText}
    join orgs o on o.id = s.org_id
    join lateral (
      select r.id, r.number, r.content from snippet_revisions r
      where r.snippet_id = s.id and r.status in (${desiredStatuses})
      order by r.number desc limit 1
    ) r on true
    where v.id = $1
    order by s.kind, s.slug, s.id`;

/** The VM and the newest approved-or-later revision of every snippet that reaches it, in a stable order. */
export async function desiredSnippetsOf(db: DbOrTx, vmId: string): Promise<{ vm: HostTarget | null; snippets: DesiredSnippet[] }> {
  const vmRows = await db.execute<{ id: string; name: string; status: string; environment: Environment }>(
    sql`select id, name, status, environment from vms where id = ${vmId}`,
  );
  const vm = vmRows.rows[0];
  if (!vm) return { vm: null, snippets: [] };
  const [before, after] = desiredSnippetRowsText.split("$1");
  const rows = await db.execute<DesiredSnippetRow>(sql`${sql.raw(before!)}${vmId}${sql.raw(after!)}`);
  return { vm: { vmId: vm.id, name: vm.name, status: vm.status, environment: vm.environment }, snippets: desiredSnippetsFrom(rows.rows, vm.environment) };
}

/** The rows of `desiredSnippetRowsText` as snippets to render on a VM of `vmEnvironment`. */
export function desiredSnippetsFrom(rows: DesiredSnippetRow[], vmEnvironment: Environment): DesiredSnippet[] {
  return rows.map((row) => {
    // The same environment snippetSetting (server/delegation/snippet-context.ts) derives from the target.
    const targetEnvironment = row.scope_type === "org" ? null : row.scope_type === "environment" ? row.snippet_environment : vmEnvironment;
    return {
      snippetId: row.snippet_id,
      revisionId: row.revision_id,
      revisionNumber: row.number,
      kind: row.kind,
      context: { orgSlug: row.org_slug, snippetSlug: row.slug, environment: policyEnvironment({ environment: targetEnvironment }) },
      content: row.content,
    };
  });
}

/**
 * Renders snippets into what `applyHost` wants: one group per kind (registry order), each with all
 * of its files sorted by path, the kind's check and reload. Secrets are revealed here, in memory,
 * just before render. Same snippets, same bytes.
 */
export function renderDesired(snippets: DesiredSnippet[]): DesiredKindState[] {
  const byKind = new Map<SnippetKindName, DesiredKindState>();
  for (const name of snippetKindNames) {
    const mine = snippets.filter((s) => s.kind === name);
    if (mine.length === 0) continue;
    const kind = kindOf(name);
    const files = mine.flatMap((snippet) => {
      try {
        const parsed = kind.schema.parse(snippet.content);
        const plain = kind.secrets ? kind.secrets.reveal(parsed) : parsed;
        return kind.render(plain, snippet.context);
      } catch (error) {
        throw new RenderError(`revision ${snippet.revisionNumber} of ${name} snippet ${snippet.context.snippetSlug} cannot be rendered: ${(error as Error).message}`);
      }
    });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    byKind.set(name, { kind: name, files, stagedCheck: kind.stagedCheck, reload: kind.reload });
  }
  return [...byKind.values()];
}

/** Everything a host should carry now: every snippet that reaches it, rendered, per kind. */
export async function desiredStateOf(db: DbOrTx, vmId: string): Promise<DesiredKindState[]> {
  const { snippets } = await desiredSnippetsOf(db, vmId);
  return renderDesired(snippets);
}

/**
 * Hosts whose managed state Hostdesk owns: every active VM some desired revision reaches, and every
 * VM with a recorded host state (its last snippet may have gone, and its files must go too).
 */
export async function managedVmIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select v.id from vms v
    where v.status <> 'retired' and (
      exists (select 1 from host_states h where h.vm_id = v.id)
      or exists (
        select 1 from snippets s
        where ${coversVm}
          and exists (select 1 from snippet_revisions r where r.snippet_id = s.id and r.status in (${sql.raw(desiredStatuses)}))))
    order by v.id`);
  return rows.rows.map((r) => r.id);
}
