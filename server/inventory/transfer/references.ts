/**
 * How the document names things that are unique only under a parent (a pool under its storage
 * server, a service under its VM), and the keys the import matches rows by. Export and import must
 * agree on these, so they live in one place.
 */

/** `st01/ssd`, `acme-web01/nginx`: the parent never contains `/` (host names cannot), the child may. */
export function scopedName(parent: string, child: string): string {
  return `${parent}/${child}`;
}

/** Splits at the first `/`; null when either side is empty. */
export function splitScopedName(name: string): { parent: string; child: string } | null {
  const at = name.indexOf("/");
  if (at <= 0 || at === name.length - 1) return null;
  return { parent: name.slice(0, at), child: name.slice(at + 1) };
}

/** A map key from several names; NUL cannot occur in any of them, so keys never collide. */
export function compositeKey(...parts: string[]): string {
  return parts.join("\u0000");
}

/**
 * Compares by UTF-16 code units, not by locale: the export must sort the same on every
 * installation, whatever collation its database or Node's ICU uses.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
