import type { SnippetKind, SnippetKindName } from "../kind";
import { cronKind, type CronContent } from "./cron";
import { envConfigKind, type EnvConfigContent } from "./env-config";
import { featuresKind, type FeaturesContent } from "./features";
import { firewallKind, type FirewallContent } from "./firewall";
import { nginxKind, type NginxContent } from "./nginx";
import { supervisorKind, type SupervisorContent } from "./supervisor";

/** Each kind's stored content, by name. */
export type SnippetContentOf = {
  nginx: NginxContent;
  cron: CronContent;
  firewall: FirewallContent;
  features: FeaturesContent;
  supervisor: SupervisorContent;
  env_config: EnvConfigContent;
};

/** Every snippet kind Hostdesk knows. The mapped type makes a kind missing from `snippetKindNames` a type error. */
export const snippetKinds: { [K in SnippetKindName]: SnippetKind<SnippetContentOf[K]> } = {
  nginx: nginxKind,
  cron: cronKind,
  firewall: firewallKind,
  features: featuresKind,
  supervisor: supervisorKind,
  env_config: envConfigKind,
};

/** The kind by name, typed for code that handles any kind's content as unknown (validated by `kind.schema`). */
export function kindOf(name: SnippetKindName): SnippetKind {
  const kind = snippetKinds[name] as SnippetKind | undefined;
  // Names come from the database enum; a name without a kind means code and schema disagree.
  if (!kind) throw new Error(`No snippet kind is named "${String(name)}".`);
  return kind;
}
