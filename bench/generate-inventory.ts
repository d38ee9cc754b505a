import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * The generated data centre the inventory scenarios run on, on top of the demo seed's small one.
 * Every row is made by `insert … select … from generate_series(…)` in Postgres (no rows travel
 * through Node), and every insert is `on conflict do nothing` on a deterministic name, so a reused
 * BENCH_DATABASE_URL is topped up rather than duplicated.
 *
 * Shape, for N VMs (default 50,000 per unit of --scale):
 *   one site BENCH1 · one rack per 20 hypervisors, each with its own switch ·
 *   two routers (bench-rtr1/2) that every switch hangs on as one redundancy group "uplink" ·
 *   ceil(N / 250) hypervisors (bench-kvm0001…), each on its rack's switch ·
 *   one storage server per 25 hypervisors (bench-st001…), each on its rack's switch, with an "ssd"
 *   and an "hdd" pool · N VMs dealt round-robin over the hypervisors and the pools, spread over the
 *   generated customer orgs (each hypervisor hosts VMs of many) · 4 services per VM, by the VM's role.
 * Hypervisor and pool sizes are set from what lands on them afterwards, so capacity looks sane.
 */

export const inventoryPerScale = { vms: 50_000 } as const;
export const VMS_PER_HYPERVISOR = 250;
const HYPERVISORS_PER_RACK = 20;
const HYPERVISORS_PER_STORAGE_SERVER = 25;

const SITE = "BENCH1";
/** Prefix of every generated device, pool and VM name; the demo seed's names never start with it. */
export const BENCH_PREFIX = "bench-";

/** Roles dealt to VMs in turn, and the four services each role runs. */
const roles = ["web", "app", "db", "cache", "worker", "lb", "mail"] as const;
type ServiceTemplate = { role: (typeof roles)[number]; kind: string; name: string; ports: number[] };
const exporter = (role: (typeof roles)[number]): ServiceTemplate => ({ role, kind: "monitoring", name: "node-exporter", ports: [9100] });
const logs = (role: (typeof roles)[number]): ServiceTemplate => ({ role, kind: "logging", name: "filebeat", ports: [] });
const serviceTemplates: ServiceTemplate[] = [
  { role: "web", kind: "nginx", name: "nginx", ports: [80, 443] },
  { role: "web", kind: "app", name: "shop", ports: [8080] },
  exporter("web"),
  logs("web"),
  { role: "app", kind: "app", name: "api", ports: [8080] },
  { role: "app", kind: "memcached", name: "memcached", ports: [11211] },
  exporter("app"),
  logs("app"),
  { role: "db", kind: "postgresql", name: "postgresql", ports: [5432] },
  { role: "db", kind: "pgbouncer", name: "pgbouncer", ports: [6432] },
  exporter("db"),
  { role: "db", kind: "monitoring", name: "postgres-exporter", ports: [9187] },
  { role: "cache", kind: "varnish", name: "varnish", ports: [6081] },
  { role: "cache", kind: "redis", name: "redis", ports: [6379] },
  exporter("cache"),
  logs("cache"),
  { role: "worker", kind: "app", name: "jobs", ports: [] },
  { role: "worker", kind: "app", name: "scheduler", ports: [] },
  exporter("worker"),
  logs("worker"),
  { role: "lb", kind: "haproxy", name: "haproxy", ports: [80, 443] },
  { role: "lb", kind: "keepalived", name: "keepalived", ports: [] },
  exporter("lb"),
  logs("lb"),
  { role: "mail", kind: "postfix", name: "postfix", ports: [25, 587] },
  { role: "mail", kind: "dovecot", name: "dovecot", ports: [143, 993] },
  exporter("mail"),
  { role: "mail", kind: "rspamd", name: "rspamd", ports: [11333] },
];
export const SERVICES_PER_VM = 4;

export type DataCentreShape = { vms: number; hypervisors: number; racks: number; storageServers: number; pools: number };

export function dataCentreShape(vms: number): DataCentreShape {
  const hypervisors = Math.max(1, Math.ceil(vms / VMS_PER_HYPERVISOR));
  const storageServers = Math.max(1, Math.ceil(hypervisors / HYPERVISORS_PER_STORAGE_SERVER));
  return { vms, hypervisors, racks: Math.ceil(hypervisors / HYPERVISORS_PER_RACK), storageServers, pools: storageServers * 2 };
}

const lpad = (expr: ReturnType<typeof sql>, width: number) => sql`lpad((${expr})::text, ${sql.raw(String(width))}, '0')`;

/**
 * Generates the data centre for `vms` VMs (0: none) over the customer orgs whose slug starts with
 * `orgSlugPrefix`; returns the seconds each step took.
 */
export async function generateDataCentre(db: Db, vms: number, orgSlugPrefix: string): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  if (vms <= 0) return timings;
  const shape = dataCentreShape(vms);
  const step = async (name: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    timings[name] = (performance.now() - started) / 1000;
  };
  const P = BENCH_PREFIX;

  await db.transaction(async (tx) => {
    await step("devices", async () => {
      await tx.execute(sql`insert into sites (name, city) values (${SITE}, 'Generated') on conflict (name) do nothing`);
      await tx.execute(sql`
        insert into racks (site_id, name)
        select s.id, 'R' || ${lpad(sql`k`, 3)} from sites s, generate_series(1, ${shape.racks}::int) k where s.name = ${SITE}
        on conflict (site_id, name) do nothing`);
      // rackOf(n): the rack named R<n>.
      const rackJoin = (n: ReturnType<typeof sql>) =>
        sql`join racks r on r.name = 'R' || ${lpad(n, 3)} join sites s on s.id = r.site_id and s.name = ${SITE}`;
      await tx.execute(sql`
        insert into devices (name, kind, rack_id, rack_unit, height_units, management_address)
        select ${P} || 'rtr' || k, 'router'::device_kind, r.id, 42, 1, '10.200.0.' || k
          from generate_series(1, 2) k ${rackJoin(sql`least(k, ${shape.racks}::int)`)}
        union all
        select ${P} || 'sw' || ${lpad(sql`k`, 3)}, 'switch'::device_kind, r.id, 41, 1, '10.200.1.' || k
          from generate_series(1, ${shape.racks}::int) k ${rackJoin(sql`k`)}
        on conflict (lower(name)) do nothing`);
      // Resources are placeholders here; they are sized from the VMs below.
      await tx.execute(sql`
        insert into devices (name, kind, rack_id, rack_unit, height_units, cores, memory_mb, disk_gb, management_address)
        select ${P} || 'kvm' || ${lpad(sql`h`, 4)}, 'hypervisor'::device_kind, r.id, 1 + (h - 1) % ${HYPERVISORS_PER_RACK}, 1, 64, 262144, 960,
               '10.201.' || ((h - 1) / 250) || '.' || ((h - 1) % 250 + 1)
          from generate_series(1, ${shape.hypervisors}::int) h ${rackJoin(sql`(h - 1) / ${HYPERVISORS_PER_RACK} + 1`)}
        union all
        select ${P} || 'st' || ${lpad(sql`k`, 3)}, 'storage'::device_kind, r.id, 22 + 4 * ((k - 1) / ${shape.racks}::int), 4, 32, 262144, 1,
               '10.202.0.' || k
          from generate_series(1, ${shape.storageServers}::int) k ${rackJoin(sql`(k - 1) % ${shape.racks}::int + 1`)}
        on conflict (lower(name)) do nothing`);
      await tx.execute(sql`
        insert into storage_pools (device_id, name, capacity_gb, reserved_gb)
        select d.id, d.name || '-' || tier, 1000, 0
          from devices d, unnest(array['ssd', 'hdd']) tier
         where d.kind = 'storage' and d.name like ${`${P}st%`}
        on conflict (device_id, name) do nothing`);
    });

    await step("dependencies", async () => {
      // Each switch on both routers (redundant), each hypervisor and storage server on its rack's switch.
      await tx.execute(sql`
        insert into dependencies (parent_kind, parent_id, child_kind, child_id, redundancy_group)
        select 'device'::node_kind, rtr.id, 'device'::node_kind, sw.id, 'uplink'
          from devices rtr, devices sw
         where rtr.kind = 'router' and rtr.name like ${`${P}rtr%`} and sw.kind = 'switch' and sw.name like ${`${P}sw%`}
        union all
        select 'device'::node_kind, sw.id, 'device'::node_kind, host.id, null
          from devices sw join devices host on host.rack_id = sw.rack_id
         where sw.kind = 'switch' and sw.name like ${`${P}sw%`}
           and host.kind in ('hypervisor', 'storage') and host.name like ${`${P}%`}
        on conflict (parent_id, child_id) do nothing`);
    });

    await step("vms", async () => {
      // VM i goes to hypervisor i mod H, pool i mod P and org (i div H) mod O: neighbours in a
      // redundancy group sit on different hypervisors, and each hypervisor hosts many customers.
      // The name depends on i alone, so a top-up to more VMs adds VMs instead of renaming them. 60 % production, 25 % staging, 15 % development.
      await tx.execute(sql`
        with hv as (
          select id, (row_number() over (order by name) - 1)::int as n from devices where kind = 'hypervisor' and name like ${`${P}kvm%`}
        ), pool as (
          select p.id, (row_number() over (order by p.name) - 1)::int as n
            from storage_pools p join devices d on d.id = p.device_id where d.name like ${`${P}st%`}
        ), org as (
          select id, slug, (row_number() over (order by slug) - 1)::int as n from orgs where kind = 'customer' and slug like ${`${orgSlugPrefix}%`}
        ), org_count as (select count(*)::int as n from org),
        spec as (
          select i,
                 (${sql.param([...roles])}::text[])[1 + (i - 1) % ${roles.length}] as role,
                 case when (i - 1) / ${roles.length} % 20 < 12 then 'production'
                      when (i - 1) / ${roles.length} % 20 < 17 then 'staging' else 'development' end as env,
                 -- Sizes from a hash of i, so they do not line up with the round-robin placement.
                 (array[1, 1, 2, 2, 4, 8])[1 + (hashint4(i) & 2147483647) % 6] as vcpus,
                 (array[20, 40, 40, 60, 100, 200])[1 + (hashint4(-i) & 2147483647) % 6] as disk_gb
            from generate_series(1, ${vms}::int) i
        )
        insert into vms (org_id, name, environment, role, hypervisor_id, storage_pool_id, vcpus, memory_mb, disk_gb,
                         addresses, status, redundancy_group)
        select org.id, ${P} || spec.role || '-' || ${lpad(sql`spec.i`, 6)}, spec.env::environment, spec.role, hv.id, pool.id,
               spec.vcpus, spec.vcpus * 2048, spec.disk_gb,
               array['10.' || (64 + (spec.i - 1) / 65536) || '.' || ((spec.i - 1) / 256 % 256) || '.' || ((spec.i - 1) % 256)],
               (case when spec.i % 50 = 0 then 'stopped' else 'running' end)::vm_status,
               case when spec.role in ('lb', 'web', 'app', 'db') then spec.role end
          from spec
          join hv on hv.n = (spec.i - 1) % ${shape.hypervisors}::int
          join pool on pool.n = (spec.i - 1) % ${shape.pools}::int
          join org on org.n = (spec.i - 1) / ${shape.hypervisors}::int % (select n from org_count)
        on conflict (lower(name)) do nothing`);
    });

    await step("services", async () => {
      await tx.execute(sql`
        insert into services (vm_id, org_id, kind, name, ports)
        select v.id, v.org_id, t.kind, t.name, t.ports
          from vms v
          join jsonb_to_recordset(${JSON.stringify(serviceTemplates)}::jsonb) as t(role text, kind text, name text, ports int[])
            on t.role = v.role
          join devices h on h.id = v.hypervisor_id
         where h.name like ${`${P}kvm%`}
        on conflict (vm_id, name) do nothing`);
    });

    await step("sizing", async () => {
      // Hypervisors: 4 vCPUs per core, memory with 25 % headroom in 64 GiB steps; pools with 40 %
      // headroom; storage servers hold their pools.
      await tx.execute(sql`
        update devices d set cores = greatest(16, ceil(u.vcpus / 4.0)::int), memory_mb = (ceil(u.memory_mb * 1.25 / 65536.0) * 65536)::int
          from (select hypervisor_id, sum(vcpus) as vcpus, sum(memory_mb) as memory_mb from vms group by hypervisor_id) u
         where u.hypervisor_id = d.id and d.name like ${`${P}kvm%`}`);
      await tx.execute(sql`
        update storage_pools p set capacity_gb = (ceil(u.disk_gb * 1.4 / 1000.0) * 1000)::int, reserved_gb = (u.disk_gb / 20)::int
          from (select storage_pool_id, sum(disk_gb) as disk_gb from vms group by storage_pool_id) u
         where u.storage_pool_id = p.id and p.name like ${`${P}st%`}`);
      await tx.execute(sql`
        update devices d set disk_gb = u.capacity_gb
          from (select device_id, sum(capacity_gb)::int as capacity_gb from storage_pools group by device_id) u
         where u.device_id = d.id and d.name like ${`${P}st%`}`);
    });
  });

  // What autovacuum would have done by the time a real data centre is this size: statistics for the
  // planner and a set visibility map (index-only scans, no hint-bit writes during the first reads).
  await step("vacuum analyze", async () => {
    await db.execute(sql`vacuum (analyze) sites, racks, devices, storage_pools, dependencies, vms, services`);
  });
  return timings;
}

/** The hypervisor the impact scenario fails: the generated one with the most VMs (first by name on a tie). */
export type ImpactFacts = { hypervisorId: string; hypervisorName: string; vms: number; services: number };

export async function busiestHypervisor(db: Db): Promise<ImpactFacts | null> {
  const result = await db.execute<{ id: string; name: string; vms: number; services: number }>(sql`
    select h.id, h.name, count(v.id)::int as vms,
           (select count(*)::int from services s join vms sv on sv.id = s.vm_id
             where sv.hypervisor_id = h.id and sv.status <> 'retired' and s.retired_at is null) as services
      from devices h join vms v on v.hypervisor_id = h.id and v.status <> 'retired'
     where h.kind = 'hypervisor' and h.name like ${`${BENCH_PREFIX}kvm%`}
     group by h.id, h.name
     order by count(v.id) desc, h.name
     limit 1`);
  const row = result.rows[0];
  return row ? { hypervisorId: row.id, hypervisorName: row.name, vms: row.vms, services: row.services } : null;
}
