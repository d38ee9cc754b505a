/** "80, 443" or "80 443" → ["80", "443"]: what people type into one field for a short list. */
export function splitList(text: FormDataEntryValue | null): string[] {
  return String(text ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
}
