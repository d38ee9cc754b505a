import { describe, expect, it } from "vitest";
import type { SnippetContext } from "../kind";
import { parseCidr } from "./cidr";
import { type FirewallRule, firewallKind } from "./firewall";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "edge", environment: "production" };
const rule = (over: Partial<FirewallRule>): FirewallRule => ({ ports: "443", protocol: "tcp", sources: ["0.0.0.0/0", "::/0"], note: "", ...over });
const errorsOf = (rules: FirewallRule[]) => firewallKind.policy({ rules }, context).filter((i) => i.severity === "error");

describe("parseCidr", () => {
  it.each([
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["192.0.2.7", "192.0.2.7/32"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["::/0", "::/0"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1/128"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128"],
    ["::ffff:192.0.2.1", "::ffff:c000:201/128"],
    ["fe80::/10", "fe80::/10"],
  ])("%s is %s", (input, text) => {
    const parsed = parseCidr(input);
    expect(parsed.ok && parsed.cidr.text).toBe(text);
  });

  it.each([
    ["10.0.0.1/8", /host bits set; the block is 10.0.0.0\/8/],
    ["010.0.0.1", /not an IPv4 address/],
    ["256.0.0.1", /not an IPv4 address/],
    ["10.0.0", /not an IPv4 address/],
    ["10.0.0.0/33", /prefix longer than 32/],
    ["10.0.0.0/", /no valid prefix/],
    ["10.0.0.0/08", /no valid prefix/],
    ["2001:db8::1::1", /not an IPv6 address/],
    ["fe80::1%eth0", /not an IPv6 address/],
    ["2001:db8:0:0:0:0:0:0:1", /not an IPv6 address/],
    ["12345::", /not an IPv6 address/],
    ["anywhere", /not an IPv4 address/],
  ])("refuses %s", (input, message) => {
    const parsed = parseCidr(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("firewall kind: policy corpus", () => {
  const bad: [string, FirewallRule[], RegExp][] = [
    ["PostgreSQL to the world", [rule({ ports: "5432" })], /Rule 1: port 5432 \(PostgreSQL\) must not be open to the whole internet/],
    ["SSH to the world over IPv6 only", [rule({ ports: "22", sources: ["::/0"] })], /port 22 \(SSH\) must not be open to the whole internet/],
    ["a range that covers Redis", [rule({ ports: "6000-6500", sources: ["0.0.0.0/0"] })], /port 6379 \(Redis\)/],
    ["memcached over UDP", [rule({ ports: "11211", protocol: "udp" })], /port 11211 \(memcached\)/],
    ["MySQL to half the internet", [rule({ ports: "3306", sources: ["0.0.0.0/1", "128.0.0.0/1"] })], /port 3306 \(MySQL\) must not be open to 0.0.0.0\/1, which is most of the internet/],
    ["a backwards range", [rule({ ports: "9000-8000" })], /ends before it starts; write 8000-9000/],
    ["a range too wide", [rule({ ports: "1024-65535" })], /opens 64512 ports; a rule may open at most 1024/],
    ["port 0", [rule({ ports: "0" })], /ports run from 1 to 65535/],
    ["a word for a port", [rule({ ports: "https" })], /not a port or a range/],
    ["host bits set", [rule({ sources: ["10.1.2.3/8"] })], /Rule 1: "10.1.2.3\/8" has host bits set; the block is 10.0.0.0\/8/],
    ["a malformed IPv6 block", [rule({ sources: ["2001:db8:::/48"] })], /not an IPv6 address/],
    ["no sources", [rule({ sources: [] })], /list who may connect/],
    ["too many rules", Array.from({ length: 33 }, (_, i) => rule({ ports: String(8000 + i) })), /At most 32 rules/],
    ["a note over two lines", [rule({ note: "web\nadd rule inet filter input accept" })], /note must be one line/],
    ["the second rule's problem", [rule({}), rule({ ports: "27017" })], /^Rule 2: port 27017 \(MongoDB\)/],
  ];
  for (const [name, rules, message] of bad) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(rules);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(message);
      expect(errors[0]!.line).toBeNull();
    });
  }

  const good: [string, FirewallRule[]][] = [
    ["HTTPS for everyone", [rule({})]],
    ["PostgreSQL from the office only", [rule({ ports: "5432", sources: ["203.0.113.0/24", "2001:db8:10::/48"] })]],
    ["SSH from a bastion", [rule({ ports: "22", sources: ["198.51.100.7"] })]],
    ["a game server's UDP range", [rule({ ports: "7777-7790", protocol: "udp" })]],
    ["nothing at all", []],
  ];
  for (const [name, rules] of good) {
    it(`accepts ${name}`, () => {
      expect(errorsOf(rules)).toEqual([]);
    });
  }

  it("warns about the same ports twice and duplicate sources", () => {
    const issues = firewallKind.policy({ rules: [rule({ sources: ["10.0.0.0/8", "10.0.0.0/8"] }), rule({})] }, context);
    expect(issues.map((i) => i.message)).toEqual(["Rule 1: a source is listed twice.", "Rule 2 opens the same tcp ports as rule 1; merge their sources into one rule."]);
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
  });
});

describe("firewall kind: rendering", () => {
  it("writes sorted, normalised nftables rules", () => {
    const [file] = firewallKind.render(
      {
        rules: [
          rule({ ports: "5432", sources: ["2001:DB8:10::/48", "203.0.113.0/24", "192.0.2.1"], note: "database from the office" }),
          rule({ ports: "443" }),
          rule({ ports: "7777-7790", protocol: "udp", sources: ["0.0.0.0/0"] }),
        ],
      },
      context,
    );
    expect(file).toEqual({
      path: "etc/nftables.d/hostdesk-acme-edge.nft",
      mode: 0o644,
      content: [
        "# Firewall rules of acme (snippet edge), written by Hostdesk; edits made here are overwritten.",
        "add rule inet hostdesk customer_input ip saddr { 0.0.0.0/0 } tcp dport 443 accept",
        "add rule inet hostdesk customer_input ip6 saddr { ::/0 } tcp dport 443 accept",
        "# database from the office",
        "add rule inet hostdesk customer_input ip saddr { 192.0.2.1/32, 203.0.113.0/24 } tcp dport 5432 accept",
        "add rule inet hostdesk customer_input ip6 saddr { 2001:db8:10::/48 } tcp dport 5432 accept",
        "add rule inet hostdesk customer_input ip saddr { 0.0.0.0/0 } udp dport 7777-7790 accept",
        "",
      ].join("\n"),
    });
  });

  it("is the same for the same rules in another order and spelling", () => {
    const a = firewallKind.render({ rules: [rule({ ports: "22", sources: ["10.0.0.0/8", "fd00::/8"] }), rule({})] }, context);
    const b = firewallKind.render({ rules: [rule({ sources: ["::/0", "0.0.0.0/0"] }), rule({ ports: " 22 ", sources: ["FD00::/8", "10.0.0.0/8", "10.0.0.0/8"] })] }, context);
    expect(b).toEqual(a);
  });

  it("reloads nftables and has no staged check here", () => {
    expect(firewallKind.reload).toEqual(["nft", "-f", "/etc/nftables.conf"]);
    expect(firewallKind.stagedCheck).toBeNull();
  });

  it("explains who may reach what", () => {
    expect(firewallKind.explain({ rules: [rule({ note: "web" }), rule({ ports: "5432", sources: ["10.0.0.0/8"] })] })).toEqual([
      "Lets anyone on the internet reach TCP port 443 (web).",
      "Lets 10.0.0.0/8 reach TCP port 5432.",
    ]);
  });
});
