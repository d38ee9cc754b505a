import { and, eq, inArray, isNull, lte, gt, notInArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { orgs, ticketLinks, tickets, users } from "@/db/schema";
import { hasStaffRole, type Actor } from "@/server/auth/actor";
import { isDeskStaff } from "./access";
import { deadlineState } from "./clock";
import { queueInput, type QueueView } from "./schemas";
import { doneStatuses } from "./statuses";

/** Beyond this many matches the queue says "more than" instead of counting them all. */
export const QUEUE_COUNT_CAP = 1000;

/** Where a desk person starts: engineers on what was escalated to them, everyone else on the open queue. */
export function defaultView(actor: Actor): QueueView {
  return isDeskStaff(actor) && hasStaffRole(actor, ["engineer"]) && !actor.roles.includes("admin") ? "escalated" : "open";
}

const open = () => and(notInArray(tickets.status, [...doneStatuses]), isNull(tickets.mergedIntoId));

function viewCondition(view: QueueView, actor: Actor, now: Date): SQL | undefined {
  switch (view) {
    case "open":
      return open();
    case "unassigned":
      return and(open(), isNull(tickets.assigneeId));
    case "mine":
      return and(open(), eq(tickets.assigneeId, actor.userId));
    case "team":
      return and(open(), eq(tickets.level, hasStaffRole(actor, ["engineer"]) && !actor.roles.includes("admin") ? "engineering" : "support"));
    case "escalated":
      return and(open(), eq(tickets.level, "engineering"));
    case "due_soon":
      return and(open(), lte(tickets.nextWarnAt, now), gt(tickets.nextDueAt, now));
    case "breached":
      return and(open(), lte(tickets.nextDueAt, now));
    case "waiting":
      return and(eq(tickets.status, "waiting_on_customer"), isNull(tickets.mergedIntoId));
    case "done":
      return inArray(tickets.status, [...doneStatuses]);
    case "all":
      return undefined;
  }
}

/**
 * Words in the subject or in a message body, all in one vector per ticket. Customers search the
 * vector of public messages only, so a word from an internal note never reveals itself through
 * their search results.
 */
function searchCondition(search: string, staff: boolean): SQL {
  return sql`${staff ? tickets.search : tickets.publicSearch} @@ plainto_tsquery('simple', ${search})`;
}

/**
 * The triage queue: a view, filters and search, sorted by the next SLA deadline (paused and done
 * tickets last; deadlines already weigh priority), newest first among equals. Customers get their
 * own orgs' tickets only.
 */
export async function listQueue(db: DbOrTx, actor: Actor, input: z.input<typeof queueInput>) {
  const query = queueInput.parse(input);
  const staff = isDeskStaff(actor);
  const view = query.view ?? (staff ? defaultView(actor) : "all");
  const now = new Date();
  const where = and(
    staff ? undefined : inArray(tickets.orgId, actor.customerOrgIds.length ? actor.customerOrgIds : ["00000000-0000-0000-0000-000000000000"]),
    // Customers' views are about their own tickets' progress, not the desk's workload.
    staff || ["all", "open", "done", "waiting"].includes(view) ? viewCondition(view, actor, now) : sql`false`,
    query.orgId ? eq(tickets.orgId, query.orgId) : undefined,
    query.priority ? eq(tickets.priority, query.priority) : undefined,
    query.status ? eq(tickets.status, query.status) : undefined,
    query.tag ? sql`${tickets.tags} @> array[${query.tag}]::text[]` : undefined,
    query.nodeId ? inArray(tickets.id, db.select({ id: ticketLinks.ticketId }).from(ticketLinks).where(eq(ticketLinks.nodeId, query.nodeId))) : undefined,
    query.search ? searchCondition(query.search, staff) : undefined,
  );
  const [rows, [countRow]] = await Promise.all([
    db
      .select({
        id: tickets.id,
        number: tickets.number,
        subject: tickets.subject,
        orgId: tickets.orgId,
        orgName: orgs.name,
        status: tickets.status,
        priority: tickets.priority,
        level: tickets.level,
        tags: tickets.tags,
        assigneeId: tickets.assigneeId,
        assigneeName: users.name,
        requesterEmail: tickets.requesterEmail,
        nextDueAt: tickets.nextDueAt,
        nextWarnAt: tickets.nextWarnAt,
        updatedAt: tickets.updatedAt,
      })
      .from(tickets)
      .innerJoin(orgs, eq(orgs.id, tickets.orgId))
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(where)
      // Exactly the order of the queue indexes (db/schema/helpdesk.ts), so a page is an index walk.
      // Paused and done tickets have no deadline: those views list newest first.
      .orderBy(...(view === "done" || view === "waiting" ? [] : [sql`${tickets.nextDueAt} asc nulls last`]), sql`${tickets.number} desc nulls last`)
      // One row more than the page says whether another page follows (all a search needs).
      .limit(query.pageSize + 1)
      .offset((query.page - 1) * query.pageSize),
    // Counting every ticket a common word matches costs more than finding the page (the whole GIN
    // posting list against a short walk of the deadline index), so searches do not count.
    query.search
      ? Promise.resolve([undefined])
      : db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${tickets} where ${where ?? sql`true`} limit ${QUEUE_COUNT_CAP + 1}) capped`).then((r) => r.rows),
  ]);
  const onPage = rows.slice(0, query.pageSize);
  const counted = countRow?.n ?? 0;
  return {
    view,
    rows: onPage.map((row) => ({ ...row, deadline: deadlineState(row.status, row, now) })),
    // A search knows the tickets up to this page and whether more follow; a view knows its count.
    total: query.search ? (query.page - 1) * query.pageSize + onPage.length : Math.min(counted, QUEUE_COUNT_CAP),
    totalIsCapped: query.search ? rows.length > query.pageSize : counted > QUEUE_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}
