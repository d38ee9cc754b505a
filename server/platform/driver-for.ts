import { readFile } from "node:fs/promises";
import type { vms } from "@/db/schema/inventory";
import type { PlatformDriver } from "./driver";
import { type LocalDriverOptions, createLocalDriver, platformRoot } from "./local-driver";
import { createSshDriver } from "./ssh-driver";

/** The fields of a VM row that say how Hostdesk reaches it. */
export type DriverVm = Pick<typeof vms.$inferSelect, "name" | "driver" | "sshHost" | "sshPort" | "sshUser" | "sshHostKey">;

/**
 * The driver for one VM, from its row and the environment:
 *
 * - `local`: the folder `<HOSTDESK_PLATFORM_ROOT or .data/platform>/<vm name>`.
 * - `ssh`: `sshUser@sshHost:sshPort` (port 22 when unset), refusing any host key but `sshHostKey`,
 *   logging in with the private key in the file `HOSTDESK_SSH_KEY_FILE` (read when the first
 *   connection opens, so a rotated key needs no restart), with the host's root at
 *   `HOSTDESK_SSH_ROOT` (default `/`: snippet paths such as `etc/nginx/…` are the VM's own).
 *
 * Nothing connects here; an ssh driver connects on first use and the caller closes it.
 */
export function driverFor(vm: DriverVm, env: Record<string, string | undefined> = process.env, local: LocalDriverOptions = {}): PlatformDriver {
  if (vm.driver === "local") return createLocalDriver(vm.name, { platformRoot: platformRoot(env), ...local });
  if (!vm.sshHost || !vm.sshUser || !vm.sshHostKey) {
    throw new Error(`VM ${vm.name} uses the ssh driver but lacks its ssh host, user or pinned host key; complete them in the inventory.`);
  }
  const keyFile = env.HOSTDESK_SSH_KEY_FILE;
  return createSshDriver({
    host: vm.sshHost,
    port: vm.sshPort ?? 22,
    username: vm.sshUser,
    hostKey: vm.sshHostKey,
    root: env.HOSTDESK_SSH_ROOT || "/",
    privateKey: async () => {
      if (!keyFile) throw new Error("HOSTDESK_SSH_KEY_FILE is not set: point it at the private key Hostdesk logs in to VMs with.");
      return readFile(keyFile).catch((error: Error) => {
        throw new Error(`Cannot read the ssh key HOSTDESK_SSH_KEY_FILE=${keyFile}: ${error.message}`);
      });
    },
  });
}
