import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgs, users } from "./identity";

export const deviceKind = pgEnum("device_kind", ["router", "switch", "storage", "hypervisor", "backup"]);
export const deviceStatus = pgEnum("device_status", ["active", "maintenance", "failed", "retired"]);
export const environment = pgEnum("environment", ["production", "staging", "development"]);
export const vmStatus = pgEnum("vm_status", ["provisioning", "running", "stopped", "failed", "retired"]);
export const platformDriver = pgEnum("platform_driver", ["local", "ssh"]);
export const nodeKind = pgEnum("node_kind", ["device", "storage_pool", "vm", "service"]);

/** A data centre. */
export const sites = pgTable("sites", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  city: text("city").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const racks = pgTable(
  "racks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    units: integer("units").notNull().default(42),
  },
  (t) => [uniqueIndex("racks_site_name_key").on(t.siteId, t.name), check("racks_units_positive", sql`${t.units} between 1 and 60`)],
);

/** Provider hardware. Resources are physical capacity; what is allocated on them lives on the VMs. */
export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: deviceKind("kind").notNull(),
    status: deviceStatus("status").notNull().default("active"),
    rackId: uuid("rack_id").references(() => racks.id),
    /** Lowest rack unit the device occupies, counted from the bottom. */
    rackUnit: integer("rack_unit"),
    heightUnits: integer("height_units").notNull().default(1),
    cores: integer("cores").notNull().default(0),
    memoryMb: integer("memory_mb").notNull().default(0),
    diskGb: integer("disk_gb").notNull().default(0),
    managementAddress: text("management_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("devices_name_key").on(sql`lower(${t.name})`),
    index("devices_kind_idx").on(t.kind, t.status),
    check("devices_resources_non_negative", sql`${t.cores} >= 0 and ${t.memoryMb} >= 0 and ${t.diskGb} >= 0`),
  ],
);

/** Capacity on a storage server that VM disks are carved from. */
export const storagePools = pgTable(
  "storage_pools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id),
    name: text("name").notNull(),
    capacityGb: integer("capacity_gb").notNull(),
    /** Space used by data other than VM disks (snapshots, system); VM disks are added on top. */
    reservedGb: integer("reserved_gb").notNull().default(0),
  },
  (t) => [uniqueIndex("storage_pools_device_name_key").on(t.deviceId, t.name), check("storage_pools_capacity_positive", sql`${t.capacityGb} > 0`)],
);

export const vms = pgTable(
  "vms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    name: text("name").notNull(),
    environment: environment("environment").notNull().default("production"),
    /** What the VM is for ("web", "db"); production and staging are compared role by role. */
    role: text("role").notNull().default("app"),
    hypervisorId: uuid("hypervisor_id")
      .notNull()
      .references(() => devices.id),
    storagePoolId: uuid("storage_pool_id")
      .notNull()
      .references(() => storagePools.id),
    vcpus: integer("vcpus").notNull(),
    memoryMb: integer("memory_mb").notNull(),
    diskGb: integer("disk_gb").notNull(),
    addresses: text("addresses").array().notNull().default([]),
    status: vmStatus("status").notNull().default("running"),
    /** VMs sharing a redundancy group must sit on different hypervisors. */
    redundancyGroup: text("redundancy_group"),
    driver: platformDriver("driver").notNull().default("local"),
    sshHost: text("ssh_host"),
    sshPort: integer("ssh_port"),
    sshUser: text("ssh_user"),
    /** Pinned host key (`ssh-ed25519 AAAA…`): the ssh driver refuses any other. */
    sshHostKey: text("ssh_host_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("vms_name_key").on(sql`lower(${t.name})`),
    index("vms_org_idx").on(t.orgId, t.environment),
    index("vms_hypervisor_idx").on(t.hypervisorId),
    index("vms_pool_idx").on(t.storagePoolId),
    check("vms_resources_positive", sql`${t.vcpus} > 0 and ${t.memoryMb} > 0 and ${t.diskGb} > 0`),
    check("vms_ssh_complete", sql`${t.driver} = 'local' or (${t.sshHost} is not null and ${t.sshUser} is not null and ${t.sshHostKey} is not null)`),
  ],
);

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    vmId: uuid("vm_id")
      .notNull()
      .references(() => vms.id),
    /** Copied from the VM so that every customer query filters on its own row. */
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    ports: integer("ports").array().notNull().default([]),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("services_vm_name_key").on(t.vmId, t.name), index("services_org_idx").on(t.orgId), index("services_kind_idx").on(t.kind)],
);

/** Production-readiness items ticked by staff; items the model can verify are computed, not stored. */
export const checklistItems = pgTable(
  "checklist_items",
  {
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    item: text("item").notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    checkedBy: uuid("checked_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("checklist_items_key").on(t.serviceId, t.item)],
);

/**
 * Explicit parent → child edges beyond the ones the columns imply (a VM on its hypervisor and pool,
 * a service on its VM, a pool on its storage server): a hypervisor on its switch, a switch on its
 * routers. Parents sharing a redundancy group back each other up: the child is cut off only when all
 * of them have failed. Ids are UUIDs of the node's own table, unique across tables.
 */
export const dependencies = pgTable(
  "dependencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentKind: nodeKind("parent_kind").notNull(),
    parentId: uuid("parent_id").notNull(),
    childKind: nodeKind("child_kind").notNull(),
    childId: uuid("child_id").notNull(),
    redundancyGroup: text("redundancy_group"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("dependencies_edge_key").on(t.parentId, t.childId),
    index("dependencies_child_idx").on(t.childId),
    check("dependencies_no_self_loop", sql`${t.parentId} <> ${t.childId}`),
  ],
);

export const backups = pgTable(
  "backups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    vmId: uuid("vm_id")
      .notNull()
      .references(() => vms.id),
    backupDeviceId: uuid("backup_device_id")
      .notNull()
      .references(() => devices.id),
    /** Cron expression in UTC, e.g. `30 2 * * *`. */
    schedule: text("schedule").notNull(),
    retentionDays: integer("retention_days").notNull().default(14),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastSizeGb: bigint("last_size_gb", { mode: "number" }),
  },
  (t) => [uniqueIndex("backups_vm_device_key").on(t.vmId, t.backupDeviceId), index("backups_device_idx").on(t.backupDeviceId)],
);

/**
 * One row: the generation of the data-centre graph. Statement triggers on every table the graph is
 * read from (db/migrations/0007) set it to a fresh sequence value in the writing transaction, so an
 * answer computed from the graph stays valid for as long as the generation it was computed at is
 * current (server/inventory/graph-cache.ts). A sequence value never repeats, not even after a rollback.
 */
export const inventoryGeneration = pgTable(
  "inventory_generation",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    generation: bigint("generation", { mode: "number" }).notNull(),
  },
  (t) => [check("inventory_generation_one_row", sql`${t.singleton}`)],
);
