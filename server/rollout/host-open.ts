import type pg from "pg";
import type { vms } from "@/db/schema";
import type { DriverVm } from "@/server/platform/driver-for";
import { type DesiredSnippet, type DesiredSnippetRow, desiredSnippetRowsText, desiredSnippetsFrom } from "./desired-state";

/** The fields of a VM row an apply needs: how to reach it, whether it is retired, whose it is. */
export type ApplyVm = DriverVm & Pick<typeof vms.$inferSelect, "id" | "orgId" | "status" | "environment">;

/** What an apply starts from: the host's rows it answers, and the desired state that answers them. */
export type OpenedHost = {
  vm: ApplyVm | null;
  snippets: DesiredSnippet[];
  /** The rollouts whose rows for this host this apply answers. */
  rolloutIds: string[];
  /** The newest generation among them; null when the host had no open row. */
  generation: number | null;
};

/**
 * One statement, so one snapshot and one round trip: the host's open rows (pending or applying, of
 * any rollout) become `applying`, and the VM and its desired snippets are read. A row is answered
 * only by an apply that carried its change; a later approval leaves its row for the next job.
 * Data-modifying CTEs run to completion even where unread, and in the statement's snapshot.
 */
const openHostText = `
  with opened as (
    update rollout_hosts rh set state = 'applying', started_at = coalesce(rh.started_at, now())
    from rollouts r
    where r.id = rh.rollout_id and rh.vm_id = $1 and rh.state in ('pending', 'applying')
    returning rh.rollout_id, r.generation
  )
  select v.id, v.org_id, v.name, v.status, v.environment, v.driver, v.ssh_host, v.ssh_port, v.ssh_user, v.ssh_host_key,
         (select coalesce(json_agg(json_build_array(o.rollout_id, o.generation)), '[]') from opened o) as opened,
         (select coalesce(json_agg(d order by d.kind, d.slug, d.snippet_id), '[]') from (${desiredSnippetRowsText}) d) as snippets
  from (select 1) one left join vms v on v.id = $1`;

type OpenRow = {
  id: string | null;
  org_id: string;
  name: string;
  status: ApplyVm["status"];
  environment: ApplyVm["environment"];
  driver: ApplyVm["driver"];
  ssh_host: string | null;
  ssh_port: number | null;
  ssh_user: string | null;
  ssh_host_key: string | null;
  opened: [string, number | string][];
  snippets: DesiredSnippetRow[];
};

/** Opens the host's rows and reads what they should converge to; prepared once per connection. */
export async function openHost(client: pg.ClientBase, vmId: string): Promise<OpenedHost> {
  const result = await client.query<OpenRow>({ name: "rollout_open_host", text: openHostText, values: [vmId] });
  const row = result.rows[0]!;
  const rolloutIds = row.opened.map(([id]) => id);
  const generation = row.opened.length ? Math.max(...row.opened.map(([, g]) => Number(g))) : null;
  if (row.id === null) return { vm: null, snippets: [], rolloutIds, generation };
  const vm: ApplyVm = {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    status: row.status,
    environment: row.environment,
    driver: row.driver,
    sshHost: row.ssh_host,
    sshPort: row.ssh_port,
    sshUser: row.ssh_user,
    sshHostKey: row.ssh_host_key,
  };
  return { vm, snippets: desiredSnippetsFrom(row.snippets, vm.environment), rolloutIds, generation };
}
