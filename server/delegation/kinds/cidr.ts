/** An address block, normalised: the network address in canonical text and its prefix length. */
export type Cidr = { family: 4 | 6; network: bigint; prefix: number; text: string };

export type ParsedCidr = { ok: true; cidr: Cidr } | { ok: false; message: string };

const ipv4Octet = /^(0|[1-9][0-9]{0,2})$/;

/** Dotted quad with no leading zeros: `010.0.0.1` means 8.0.0.1 to some tools and 10.0.0.1 to others. */
function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!ipv4Octet.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  if (text.includes("%")) return null; // zone ids name an interface of one machine, not a network
  let groupsText = text;
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    // An embedded IPv4 tail (::ffff:192.0.2.1) is the last two groups written another way.
    const v4 = parseIpv4(tail);
    if (v4 === null) return null;
    groupsText = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = groupsText.split("::");
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === "" ? [] : s.split(":"));
  const left = toGroups(halves[0]!);
  const right = halves.length === 2 ? toGroups(halves[1]!) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  return value;
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join(".");
}

/** RFC 5952: lowercase, no leading zeros, the longest run (of two or more) of zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/**
 * Parses an IPv4 or IPv6 address or block strictly. A block with host bits set (`10.0.0.1/8`) is
 * refused with the block it probably meant, instead of being widened silently; a bare address is a
 * block of one (`/32`, `/128`).
 */
export function parseCidr(input: string): ParsedCidr {
  const text = input.trim();
  const slash = text.indexOf("/");
  const address = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? null : text.slice(slash + 1);
  const family: 4 | 6 = address.includes(":") ? 6 : 4;
  const bits = family === 4 ? 32 : 128;
  const value = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === null) return { ok: false, message: `"${text}" is not an IPv${family} address or block` };
  if (prefixText !== null && !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return { ok: false, message: `"${text}" has no valid prefix length after "/"` };
  const prefix = prefixText === null ? bits : Number(prefixText);
  if (prefix > bits) return { ok: false, message: `"${text}" has a prefix longer than ${bits} bits` };
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  const format = family === 4 ? formatIpv4 : formatIpv6;
  if (network !== value) return { ok: false, message: `"${text}" has host bits set; the block is ${format(network)}/${prefix}` };
  return { ok: true, cidr: { family, network, prefix, text: `${format(network)}/${prefix}` } };
}

/** Addresses first by family, then numerically, then wider blocks first: a stable order for rendering. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.network !== b.network) return a.network < b.network ? -1 : 1;
  return a.prefix - b.prefix;
}
