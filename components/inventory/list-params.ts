import { environments } from "@/server/inventory/schemas";

type Environment = (typeof environments)[number];

/** The inventory list's search params, junk ignored. */
export function inventoryListParams(params: { q?: string; env?: string; page?: string }) {
  const page = Number.parseInt(params.page ?? "1", 10);
  return {
    search: params.q?.trim().slice(0, 80) || undefined,
    environment: (environments as readonly string[]).includes(params.env ?? "") ? (params.env as Environment) : undefined,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}
