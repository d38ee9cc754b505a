import { z } from "zod";
import { deviceKinds, deviceStatuses, environments, nodeKinds, vmStatuses } from "@/server/inventory/schemas";

/**
 * The inventory document: the whole data centre as JSON, for moving a provider's real inventory into
 * Hostdesk and between installations. Every reference is by name, never by UUID, because ids differ
 * from one installation to the next; names are the natural keys the import upserts by.
 *
 * Objects are strict: a misspelt field (`memoryMB`) must be refused, not silently replaced by its
 * default, since the import then writes the default over the real value.
 */

/** Host-style names, normalised as the inventory forms do, so `KVM01` and `kvm01` are one device. */
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "Use lowercase letters, digits and dashes (e.g. kvm07 or acme-web01).");

/** A reference to a device or VM; normalised like the names it points at, checked against them later. */
const hostRef = z.string().trim().toLowerCase().min(1).max(63);

/** Free-text labels (site, rack, pool names): bounded, and without `/`, which scoped references use. */
const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^/]+$/, "Leave out `/`: it separates the parts of a reference like `st01/ssd`.");

const amount = (max: number) => z.number().int().min(0).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
/** Names of redundancy groups compare case-insensitively everywhere, so they are stored lowercase. */
const redundancyGroup = z.string().trim().toLowerCase().min(1).max(40).nullable().default(null);

export const documentSite = z.strictObject({
  name: label(100),
  city: z.string().trim().min(1).max(100),
});

export const documentRack = z.strictObject({
  site: label(100),
  name: label(40),
  units: z.number().int().min(1).max(60).default(42),
});

export const documentDevice = z.strictObject({
  name: hostName,
  kind: z.enum(deviceKinds),
  status: z.enum(deviceStatuses).default("active"),
  rack: z
    .strictObject({
      site: label(100),
      rack: label(40),
      /** Lowest unit the device occupies, counted from the bottom; null when its place is not known. */
      unit: z.number().int().min(1).max(60).nullable().default(null),
    })
    .nullable()
    .default(null),
  heightUnits: z.number().int().min(1).max(16).default(1),
  cores: amount(1024).default(0),
  memoryMb: amount(64 * 1024 * 1024).default(0),
  diskGb: amount(10_000_000).default(0),
  managementAddress: optionalText(100),
});

/** Pool names are unique per storage server only, so a pool is always named with its device. */
export const poolRef = z.strictObject({ device: hostRef, name: label(63) });

export const documentStoragePool = z.strictObject({
  device: hostRef,
  name: label(63),
  capacityGb: z.number().int().min(1).max(100_000_000),
  reservedGb: amount(100_000_000).default(0),
});

const sshAccess = z.strictObject({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65_535).nullable().default(null),
  user: z.string().trim().min(1).max(64),
  hostKey: z
    .string()
    .trim()
    .regex(/^(ssh-ed25519|ecdsa-sha2-nistp256|ssh-rsa) [A-Za-z0-9+/=]+$/, "Give the host's public key, e.g. `ssh-ed25519 AAAA…`.")
    .max(4096),
});

export const documentVm = z
  .strictObject({
    /** The customer org's slug. */
    org: z.string().trim().min(1).max(100),
    name: hostName,
    environment: z.enum(environments).default("production"),
    role: z.string().trim().toLowerCase().min(1).max(40).default("app"),
    hypervisor: hostRef,
    storagePool: poolRef,
    vcpus: z.number().int().min(1).max(256),
    memoryMb: z.number().int().min(256).max(4 * 1024 * 1024),
    diskGb: z.number().int().min(1).max(100_000),
    addresses: z.array(z.string().trim().min(1).max(64)).max(16).default([]),
    status: z.enum(vmStatuses).default("running"),
    redundancyGroup,
    driver: z.enum(["local", "ssh"]).default("local"),
    /** Pinned access for the ssh driver; the driver refuses any host key but this one. */
    ssh: sshAccess.nullable().default(null),
  })
  .refine((vm) => vm.driver === "local" || vm.ssh !== null, {
    message: "The ssh driver needs `ssh` with the host, the user and the pinned host key.",
    path: ["ssh"],
  });

export const documentService = z.strictObject({
  vm: hostRef,
  name: z.string().trim().min(1).max(60),
  kind: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{2,30}$/, "Name the kind in one word, e.g. nginx or postgresql."),
  ports: z.array(z.number().int().min(1).max(65_535)).max(32).default([]),
});

/**
 * A node of the dependency graph. Devices and VMs go by their name; a storage pool by
 * `device/pool` and a service by `vm/service`, since those names are unique only under their parent.
 */
export const nodeRef = z.strictObject({
  kind: z.enum(nodeKinds),
  name: z.string().trim().min(1).max(130),
});

export const documentDependency = z.strictObject({
  /** What the child needs to run. */
  parent: nodeRef,
  child: nodeRef,
  /** Parents of one child sharing a group back each other up; null means this parent is required. */
  redundancyGroup,
});

export const documentBackup = z.strictObject({
  vm: hostRef,
  /** The backup server's device name. */
  backupServer: hostRef,
  /** Cron expression in UTC, five fields, e.g. `30 2 * * *`. */
  schedule: z
    .string()
    .trim()
    .max(100)
    .regex(/^\S+( \S+){4}$/, "Give a cron expression with five fields, e.g. `30 2 * * *`."),
  retentionDays: z.number().int().min(1).max(3650).default(14),
});

/**
 * Upper bounds keep one request from exhausting the server: well above a large provider (tens of
 * thousands of VMs), far below what would take minutes to check.
 */
export const documentLimits = {
  sites: 1_000,
  racks: 20_000,
  devices: 50_000,
  storagePools: 50_000,
  vms: 100_000,
  services: 500_000,
  dependencies: 500_000,
  backups: 200_000,
} as const;

const section = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `At most ${max} entries.`).default([]);

/** Sections left out count as empty: a document may carry only part of the inventory. */
export const inventoryDocument = z.strictObject({
  version: z.literal(1, "This importer reads version 1 documents."),
  sites: section(documentSite, documentLimits.sites),
  racks: section(documentRack, documentLimits.racks),
  devices: section(documentDevice, documentLimits.devices),
  storagePools: section(documentStoragePool, documentLimits.storagePools),
  vms: section(documentVm, documentLimits.vms),
  services: section(documentService, documentLimits.services),
  dependencies: section(documentDependency, documentLimits.dependencies),
  backups: section(documentBackup, documentLimits.backups),
});

/** The document as an importer may write it (defaults left out). */
export type InventoryDocumentInput = z.input<typeof inventoryDocument>;
/** The document with every field present: what export produces and import works on. */
export type InventoryDocument = z.output<typeof inventoryDocument>;

/**
 * The tRPC input for the import: only checks that a document object arrived and gives clients its
 * type. The import itself parses it with `inventoryDocument`, so a bad document gets one refusal
 * listing at most a screenful of problems with their paths, instead of every issue of a
 * 100,000-VM file.
 */
export const inventoryDocumentUpload = z.custom<InventoryDocumentInput>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "Send the inventory document as a JSON object.",
);
