import { z } from "zod";
import type { SnippetContext, SnippetKind, ValidationIssue } from "../kind";
import { type Cidr, compareCidrs, parseCidr } from "./cidr";
import { controlCharacters } from "./control-characters";
import { snippetFileStem } from "./host-file-name";
import { error, warning } from "./issue";

export const firewallMaxRules = 32;
/** Wider than this and a rule opens more than any one service needs. */
export const firewallMaxRangePorts = 1024;
export const firewallMaxSourcesPerRule = 64;
export const firewallMaxNoteLength = 200;

/**
 * Ports that must never be reachable from the whole internet: databases, caches, search engines and
 * remote shells answer anyone who finds them, and bots scan for exactly these within minutes.
 */
export const worldClosedPorts: ReadonlyMap<number, string> = new Map([
  [22, "SSH"],
  [3306, "MySQL"],
  [5432, "PostgreSQL"],
  [6379, "Redis"],
  [9200, "Elasticsearch"],
  [11211, "memcached"],
  [27017, "MongoDB"],
]);

/**
 * The chain the provider's /etc/nftables.conf declares (hooked at input, after its own rules) and
 * whose includes these files are. Files use `add rule` commands, so they never redefine the chain.
 */
export const firewallTable = "inet hostdesk";
export const firewallChain = "customer_input";

const ruleSchema = z.object({
  ports: z.string().max(20),
  protocol: z.enum(["tcp", "udp"]),
  sources: z.array(z.string().max(64)).max(firewallMaxSourcesPerRule * 2),
  note: z.string().max(firewallMaxNoteLength * 4).default(""),
});
export type FirewallRule = z.infer<typeof ruleSchema>;
export type FirewallContent = { rules: FirewallRule[] };

export const firewallFilePath = (context: SnippetContext) => `etc/nftables.d/hostdesk-${snippetFileStem(context)}.nft`;

type PortRange = { from: number; to: number };

export function parsePorts(text: string): { ok: true; range: PortRange } | { ok: false; message: string } {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a port or a range; write 443 or 8000-8100` };
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to > 65535) return { ok: false, message: `ports run from 1 to 65535 ("${text}")` };
  if (from > to) return { ok: false, message: `the range "${text}" ends before it starts; write ${to}-${from}` };
  if (to - from + 1 > firewallMaxRangePorts) return { ok: false, message: `the range "${text}" opens ${to - from + 1} ports; a rule may open at most ${firewallMaxRangePorts}` };
  return { ok: true, range: { from, to } };
}

/**
 * Blocks this wide are the world for the purpose of closed ports: `0.0.0.0/1` plus `128.0.0.0/1`
 * would otherwise open PostgreSQL to everyone while never writing `0.0.0.0/0`.
 */
const isWorldWide = (cidr: Cidr) => cidr.prefix < (cidr.family === 4 ? 8 : 16);

/** A rule's sources, parsed, de-duplicated and sorted; null with issues when any is not an address. */
function parsedSources(rule: FirewallRule, label: string, issues: ValidationIssue[]): Cidr[] | null {
  const cidrs: Cidr[] = [];
  let bad = false;
  for (const source of rule.sources) {
    const parsed = parseCidr(source);
    if (parsed.ok) cidrs.push(parsed.cidr);
    else {
      issues.push(error(null, `${label}: ${parsed.message}.`));
      bad = true;
    }
  }
  if (bad) return null;
  const unique = new Map(cidrs.map((c) => [c.text, c]));
  if (unique.size < cidrs.length) issues.push(warning(null, `${label}: a source is listed twice.`));
  return [...unique.values()].sort(compareCidrs);
}

function firewallPolicy(content: FirewallContent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (content.rules.length > firewallMaxRules) issues.push(error(null, `At most ${firewallMaxRules} rules per snippet; combine ports into ranges or sources into wider blocks.`));
  const seen = new Map<string, number>();
  content.rules.forEach((rule, i) => {
    const label = `Rule ${i + 1}`;
    const ports = parsePorts(rule.ports);
    if (!ports.ok) issues.push(error(null, `${label}: ${ports.message}.`));
    if (rule.sources.length === 0) issues.push(error(null, `${label}: list who may connect, e.g. 203.0.113.0/24, or 0.0.0.0/0 and ::/0 for everyone.`));
    if (rule.sources.length > firewallMaxSourcesPerRule) issues.push(error(null, `${label}: at most ${firewallMaxSourcesPerRule} sources per rule.`));
    const sources = parsedSources(rule, label, issues);
    if (controlCharacters.test(rule.note)) issues.push(error(null, `${label}: the note must be one line.`));
    if (rule.note.length > firewallMaxNoteLength) issues.push(error(null, `${label}: the note is longer than ${firewallMaxNoteLength} characters.`));
    if (!ports.ok || !sources) return;
    const wide = sources.filter(isWorldWide);
    if (wide.length > 0) {
      for (const [port, service] of worldClosedPorts) {
        if (port < ports.range.from || port > ports.range.to) continue;
        const what = wide[0]!.prefix === 0 ? "the whole internet" : `${wide[0]!.text}, which is most of the internet`;
        issues.push(error(null, `${label}: port ${port} (${service}) must not be open to ${what}; list only the addresses that need it, such as your office or your other servers.`));
      }
    }
    const key = `${rule.protocol} ${ports.range.from}-${ports.range.to}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push(warning(null, `${label} opens the same ${rule.protocol} ports as rule ${first}; merge their sources into one rule.`));
    else seen.set(key, i + 1);
  });
  return issues;
}

function explainFirewall(content: FirewallContent): string[] {
  if (content.rules.length === 0) return ["Opens nothing."];
  return content.rules.map((rule) => {
    const world = rule.sources.some((s) => s.trim() === "0.0.0.0/0" || s.trim() === "::/0");
    const who = world ? "anyone on the internet" : rule.sources.join(", ");
    return `Lets ${who} reach ${rule.protocol.toUpperCase()} port${rule.ports.includes("-") ? "s" : ""} ${rule.ports.trim()}${rule.note.trim() ? ` (${rule.note.trim()})` : ""}.`;
  });
}

/**
 * Deterministic nftables commands: rules in port order, sources normalised and sorted, so the same
 * rules in any order and spelling (`2001:DB8::0/32`, `2001:db8::/32`) produce the same bytes and
 * the host sees no change.
 */
function renderFirewall(content: FirewallContent, context: SnippetContext) {
  const rendered = content.rules.map((rule) => {
    const ports = parsePorts(rule.ports);
    if (!ports.ok) throw new Error(`Cannot render a firewall rule with ports "${rule.ports}": ${ports.message}.`);
    const sources = rule.sources.map((s) => {
      const parsed = parseCidr(s);
      if (!parsed.ok) throw new Error(`Cannot render a firewall rule from "${s}": ${parsed.message}.`);
      return parsed.cidr;
    });
    const unique = [...new Map(sources.map((c) => [c.text, c])).values()].sort(compareCidrs);
    return { rule, range: ports.range, v4: unique.filter((c) => c.family === 4), v6: unique.filter((c) => c.family === 6) };
  });
  rendered.sort(
    (a, b) =>
      a.rule.protocol.localeCompare(b.rule.protocol) ||
      a.range.from - b.range.from ||
      a.range.to - b.range.to ||
      [...a.v4, ...a.v6].map((c) => c.text).join(",").localeCompare([...b.v4, ...b.v6].map((c) => c.text).join(",")) ||
      a.rule.note.localeCompare(b.rule.note),
  );
  const lines = [`# Firewall rules of ${context.orgSlug} (snippet ${context.snippetSlug}), written by Hostdesk; edits made here are overwritten.`];
  for (const { rule, range, v4, v6 } of rendered) {
    const note = rule.note.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
    if (note) lines.push(`# ${note}`);
    const dport = range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
    if (v4.length > 0) lines.push(`add rule ${firewallTable} ${firewallChain} ip saddr { ${v4.map((c) => c.text).join(", ")} } ${rule.protocol} dport ${dport} accept`);
    if (v6.length > 0) lines.push(`add rule ${firewallTable} ${firewallChain} ip6 saddr { ${v6.map((c) => c.text).join(", ")} } ${rule.protocol} dport ${dport} accept`);
  }
  return [{ path: firewallFilePath(context), content: `${lines.join("\n")}\n`, mode: 0o644 }];
}

export const firewallKind: SnippetKind<FirewallContent> = {
  name: "firewall",
  title: "Firewall openings",
  description: "Which ports of your VM may be reached, and from where. Databases and remote shells may never be open to the whole internet.",
  editor: "form",
  language: null,
  defaultMode: "review",
  schema: z.object({ rules: z.array(ruleSchema).max(firewallMaxRules * 2) }),
  starter: { rules: [{ ports: "443", protocol: "tcp", sources: ["0.0.0.0/0", "::/0"], note: "HTTPS for everyone" }] },
  policy: (content) => firewallPolicy(content),
  explain: explainFirewall,
  render: renderFirewall,
  // nft is not installed on the machines this was built on, and `nft -c -f` still needs netlink
  // (CAP_NET_ADMIN) to read the current ruleset, so it cannot prove a staged copy without root.
  // The policy parses every port and address strictly and the file is written from those parsed
  // parts only; `nft -f` is itself atomic: a file it refuses leaves the old ruleset in place, and
  // the rollout puts the previous file back when the reload fails.
  stagedCheck: null,
  reload: ["nft", "-f", "/etc/nftables.conf"],
};
