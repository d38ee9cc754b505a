/** Times on staff screens: short, UTC, unambiguous (staff work across time zones). */
export function formatTime(date: Date | null | undefined): string {
  if (!date) return "–";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
