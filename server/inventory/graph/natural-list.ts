/** "a", "a and b", "a, b and c" — the way a sentence lists things (no serial comma, English only). */
export function joinNaturally(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
