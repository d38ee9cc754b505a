import { z } from "zod";
import { ticketPriorities, type TicketPriority } from "@/server/contracts/terms";
import { queueViews, type QueueView } from "@/server/helpdesk/schemas";
import { ticketStatuses, type TicketStatus } from "@/server/helpdesk/statuses";

/** The queue's search box, which the "/" shortcut focuses. */
export const QUEUE_SEARCH_ID = "queue-search";

/** The queue's state as it lives in the URL, so a view with its filters can be shared and reloaded. */
export type QueueFilters = {
  view?: QueueView;
  orgId?: string;
  priority?: TicketPriority;
  status?: TicketStatus;
  tag?: string;
  nodeId?: string;
  search?: string;
  page: number;
};

export type QueueSearchParams = { view?: string; org?: string; priority?: string; status?: string; tag?: string; vm?: string; q?: string; page?: string };

const pick = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Reads the search params, ignoring junk in any of them rather than failing the page. */
export function queueFilters(params: QueueSearchParams): QueueFilters {
  const page = Number.parseInt(params.page ?? "1", 10);
  const filters: QueueFilters = {
    view: pick(z.enum(queueViews), params.view),
    orgId: pick(z.uuid(), params.org),
    priority: pick(z.enum(ticketPriorities), params.priority),
    status: pick(z.enum(ticketStatuses), params.status),
    tag: pick(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,31}$/), params.tag),
    nodeId: pick(z.uuid(), params.vm),
    search: params.q?.trim().slice(0, 200) || undefined,
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
  // Without undefined keys: the object is also the query's cache key, on the server and in the browser.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as QueueFilters;
}

/** The URL of the queue with some filters changed; a changed filter starts again at page 1. */
export function queueHref(filters: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const next = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(key, String(value));
  };
  set("view", next.view);
  set("org", next.orgId);
  set("priority", next.priority);
  set("status", next.status);
  set("tag", next.tag);
  set("vm", next.nodeId);
  set("q", next.search);
  if (next.page > 1) set("page", next.page);
  const query = params.toString();
  return query ? `/desk?${query}` : "/desk";
}
