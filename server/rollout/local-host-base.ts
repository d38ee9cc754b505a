import { baseNginxConf, nginxConfDir } from "@/server/delegation/kinds/nginx-base-conf";
import type { PlatformDriver } from "@/server/platform/driver";
import { removeLeftovers } from "./host-leftovers";

/** The provider's own files a local host folder starts with: what snippets are included into. */
export const localHostBaseFiles = () => [{ path: `${nginxConfDir}/nginx.conf`, content: baseNginxConf(), mode: 0o644 }];

/**
 * A local host is a folder that may not exist yet; a real VM comes with its daemons' base
 * configuration. Writes the base files a folder lacks (and never overwrites one the provider
 * changed), so an nginx snippet's staged check has an nginx.conf to include it from.
 */
export async function ensureLocalHostBase(driver: PlatformDriver): Promise<string[]> {
  const files = localHostBaseFiles();
  const present = await driver.hashFiles(files.map((f) => f.path));
  const missing = files.filter((f) => present.get(f.path) === null);
  // A base file is missing also when a worker was killed while writing it: its temporary goes first.
  if (missing.length > 0) await removeLeftovers(driver, missing.map((f) => f.path));
  for (const file of missing) await driver.writeFileAtomic(file.path, file.content, file.mode);
  return missing.map((f) => f.path);
}
