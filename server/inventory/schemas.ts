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

export const deviceInput = z.object({
  name: hostName,
  kind: z.enum(deviceKinds),
  status: z.enum(deviceStatuses).default("active"),
  rackId: z.uuid().nullable().default(null),
  rackUnit: z.number().int().min(1).max(60).nullable().default(null),
  heightUnits: z.number().int().min(1).max(16).default(1),
  cores: count("cores", 1024).default(0),
  memoryMb: count("MiB of memory", 64 * 1024 * 1024).default(0),
  diskGb: count("GB of disk", 10_000_000).default(0),
  managementAddress: z.string().trim().max(100).nullable().default(null),
});
export const updateDeviceInput = deviceInput.partial().extend({ deviceId: z.uuid() });

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
    addresses: z.array(z.string().trim().max(64)).max(16).default([]),
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
    addresses: z.array(z.string().trim().max(64)).max(16).optional(),
    status: z.enum(vmStatuses).optional(),
    redundancyGroup: z.string().trim().toLowerCase().max(40).nullable().optional(),
  }),
);

export const serviceInput = z.object({
  vmId: z.uuid(),
  kind: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{2,30}$/, "Name the kind in one word, e.g. nginx or postgresql."),
  name: z.string().trim().min(1).max(60),
  ports: z.array(z.number().int().min(1).max(65_535)).max(32).default([]),
});

export const dependencyInput = z.object({
  parentKind: z.enum(nodeKinds),
  parentId: z.uuid(),
  childKind: z.enum(nodeKinds),
  childId: z.uuid(),
  redundancyGroup: z.string().trim().toLowerCase().max(40).nullable().default(null),
});

export const nodeIdInput = z.object({ nodeId: z.uuid() });
export const idInput = z.object({ id: z.uuid() });
