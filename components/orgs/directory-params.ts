/** Reads the directory's `q` and `page` search params, tolerating junk in either. */
export function directoryParams(params: { q?: string; page?: string }) {
  const page = Number.parseInt(params.page ?? "1", 10);
  const search = params.q?.trim().slice(0, 80) || undefined;
  return { search, page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1 };
}
