import { z } from "zod";

export const deviceKinds = ["router", "switch", "storage", "hypervisor", "backup"] as const;
export const deviceStatuses = ["active", "maintenance", "failed", "retired"] as const;
export const environments = ["production", "staging", "development"] as const;
export const vmStatuses = ["provisioning", "running", "stopped", "failed", "retired"] as const;
export const nodeKinds = ["device", "storage_pool", "vm", "service"] as const;

/** Host-style names: what operators type into ssh and dashboards. */
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "Use lowercase letters, digits and dashes (e.g. kvm07 or acme-web01).");

const count = (what: string, max: number) =>
  z.number({ error: `Enter the ${what} as a number.` }).int(`The ${what} must be a whole number.`).min(0).max(max, `At most ${max} ${what}.`);

export const listInventoryInput = z
  .object({
    search: z.string().trim().max(80).optional(),
    orgId: z.uuid().optional(),
    environment: z.enum(environments).optional(),
    deviceKind: z.enum(deviceKinds).optional(),
    hypervisorId: z.uuid().optional(),
    includeRetired: z.boolean().default(false),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .default({ includeRetired: false, page: 1, pageSize: 50 });

const deviceFields = {
  name: hostName,
  kind: z.enum(deviceKinds),
  status: z.enum(deviceStatuses),
  rackId: z.uuid().nullable(),
  rackUnit: z.number().int("The rack unit is a whole number.").min(1, "Rack units count from 1 at the bottom.").max(60, "No rack is higher than 60 units.").nullable(),
  heightUnits: z.number().int("The height is a whole number of units.").min(1, "A device is at least 1 unit high.").max(16, "A device is at most 16 units high."),
  cores: count("cores", 1024),
  memoryMb: count("MiB of memory", 64 * 1024 * 1024),
  diskGb: count("GB of disk", 10_000_000),
  managementAddress: z.string().trim().max(100).nullable(),
};
export const deviceInput = z.object({
  ...deviceFields,
  status: deviceFields.status.default("active"),
  rackId: deviceFields.rackId.default(null),
  rackUnit: deviceFields.rackUnit.default(null),
  heightUnits: deviceFields.heightUnits.default(1),
  cores: deviceFields.cores.default(0),
  memoryMb: deviceFields.memoryMb.default(0),
  diskGb: deviceFields.diskGb.default(0),
  managementAddress: deviceFields.managementAddress.default(null),
});
// Built from the fields without their defaults: a partial update must leave unmentioned columns alone.
export const updateDeviceInput = z.object(deviceFields).partial().extend({ deviceId: z.uuid() });

/** Data-centre codes as the sites are signed: FRA1, BER1. */
const siteName = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "Name the site with a short code of letters, digits and dashes (e.g. FRA2).");

export const siteInput = z.object({
  name: siteName,
  city: z.string().trim().min(1, "Say which city the site is in.").max(80, "At most 80 characters for the city."),
});
export const updateSiteInput = siteInput.partial().extend({ siteId: z.uuid() });

export const rackInput = z.object({
  siteId: z.uuid({ error: "Choose the site the rack stands in." }),
  name: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, "Name the rack as it is labelled, with letters, digits and dashes (e.g. A03)."),
  units: z
    .number({ error: "Enter the rack's height in units as a number." })
    .int("A rack is a whole number of units high.")
    .min(1, "A rack is at least 1 unit high.")
    .max(60, "A rack is at most 60 units high.")
    .default(42),
});

const gigabytes = (what: string) =>
  z
    .number({ error: `Enter the ${what} in GB as a number.` })
    .int(`The ${what} must be a whole number of GB.`)
    .min(0, `The ${what} cannot be negative.`)
    .max(10_000_000, `At most 10,000,000 GB of ${what}.`);

const storagePoolFields = {
  name: hostName,
  capacityGb: gigabytes("capacity").min(1, "A pool needs at least 1 GB of capacity."),
  /** Space used by data other than VM disks (snapshots, system); VM disks count on top. */
  reservedGb: gigabytes("space used by other data"),
};
export const storagePoolInput = z.object({ deviceId: z.uuid(), ...storagePoolFields, reservedGb: storagePoolFields.reservedGb.default(0) });
export const updateStoragePoolInput = z.object(storagePoolFields).partial().extend({ poolId: z.uuid() });

const sshFields = {
  driver: z.enum(["local", "ssh"]).default("local"),
  sshHost: z.string().trim().max(255).nullable().default(null),
  sshPort: z.number().int().min(1).max(65_535).nullable().default(null),
  sshUser: z.string().trim().max(64).nullable().default(null),
  sshHostKey: z
    .string()
    .trim()
    .regex(/^(ssh-ed25519|ecdsa-sha2-nistp256|ssh-rsa) [A-Za-z0-9+/=]+$/, "Paste the host's public key, e.g. `ssh-ed25519 AAAA…`.")
    .nullable()
    .default(null),
};

/** Written into configs and firewalls by the platform push: anything but an IP address would break them. */
const addresses = z
  .array(z.union([z.ipv4(), z.ipv6()], { error: "Addresses are IP addresses, e.g. 10.20.0.10 or 2001:db8::10." }))
  .max(16, "At most 16 addresses per VM.");

export const vmInput = z
  .object({
    orgId: z.uuid(),
    name: hostName,
    environment: z.enum(environments).default("production"),
    role: z.string().trim().toLowerCase().min(1).max(40).default("app"),
    hypervisorId: z.uuid(),
    storagePoolId: z.uuid(),
    vcpus: z.number().int().min(1, "A VM needs at least 1 vCPU.").max(256),
    memoryMb: z.number().int().min(256, "A VM needs at least 256 MiB of memory.").max(4 * 1024 * 1024),
    diskGb: z.number().int().min(1, "A VM needs at least 1 GB of disk.").max(100_000),
    addresses: addresses.default([]),
    status: z.enum(vmStatuses).default("running"),
    redundancyGroup: z.string().trim().toLowerCase().max(40).nullable().default(null),
    ...sshFields,
  })
  .refine((vm) => vm.driver === "local" || (vm.sshHost && vm.sshUser && vm.sshHostKey), {
    message: "The ssh driver needs a host, a user and the pinned host key.",
    path: ["sshHostKey"],
  });
export const updateVmInput = z.object({ vmId: z.uuid() }).and(
  z.object({
    name: hostName.optional(),
    environment: z.enum(environments).optional(),
    role: z.string().trim().toLowerCase().min(1).max(40).optional(),
    hypervisorId: z.uuid().optional(),
    storagePoolId: z.uuid().optional(),
    vcpus: z.number().int().min(1).max(256).optional(),
    memoryMb: z.number().int().min(256).max(4 * 1024 * 1024).optional(),
    diskGb: z.number().int().min(1).max(100_000).optional(),
    addresses: addresses.optional(),
    status: z.enum(vmStatuses).optional(),
    redundancyGroup: z.string().trim().toLowerCase().max(40).nullable().optional(),
  }),
);

const serviceFields = {
  kind: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{2,30}$/, "Name the kind in one word, e.g. nginx or postgresql."),
  name: z.string().trim().min(1, "Give the service a name.").max(60, "At most 60 characters for the service name."),
  ports: z
    .array(
      z
        .number({ error: "Ports are numbers from 1 to 65535, separated by commas." })
        .int("Ports are whole numbers.")
        .min(1, "Ports are numbers from 1 to 65535.")
        .max(65_535, "Ports are numbers from 1 to 65535."),
    )
    .max(32, "At most 32 ports per service.")
    .refine((ports) => new Set(ports).size === ports.length, "List each port once."),
};
export const serviceInput = z.object({ vmId: z.uuid(), ...serviceFields, ports: serviceFields.ports.default([]) });
export const updateServiceInput = z.object(serviceFields).partial().extend({ serviceId: z.uuid() });

export const dependencyInput = z.object({
  parentKind: z.enum(nodeKinds),
  parentId: z.uuid(),
  childKind: z.enum(nodeKinds),
  childId: z.uuid(),
  redundancyGroup: z.string().trim().toLowerCase().max(40).nullable().default(null),
});

export const nodeIdInput = z.object({ nodeId: z.uuid() });
export const idInput = z.object({ id: z.uuid() });
