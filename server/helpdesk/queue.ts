import { and, count, eq, inArray, isNull, lte, gt, notInArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { isoTimestamp } from "@/db/iso-time";
import { inlined, inlinedCount, inlinedList, runShape, shapeName } from "@/db/prepared";
import { orgs, ticketLinks, tickets, users } from "@/db/schema";
import { hasStaffRole, type Actor } from "@/server/auth/actor";
import type { TicketPriority } from "@/server/contracts/terms";
import { isDeskStaff } from "./access";
import { deadlineState } from "./deadline-state";
import { queueInput, type QueueView } from "./schemas";
import { doneStatuses, type TicketLevel, type TicketStatus } from "./statuses";

/** Beyond this many matches the queue says "more than" instead of counting them all. */
export const QUEUE_COUNT_CAP = 1000;

/** Where a desk person starts: engineers on what was escalated to them, everyone else on the open queue. */
export function defaultView(actor: Actor): QueueView {
  return isDeskStaff(actor) && hasStaffRole(actor, ["engineer"]) && !actor.roles.includes("admin") ? "escalated" : "open";
}

const done = () => inlinedList(doneStatuses);
const open = () => and(notInArray(tickets.status, done()), isNull(tickets.mergedIntoId));

// Ids and times are bound; enum values and the page are written into the text (db/prepared.ts).
const actorId = sql.placeholder("actorId");
const now = sql.placeholder("now");

function viewCondition(view: QueueView, level: TicketLevel): SQL | undefined {
  switch (view) {
    case "open":
      return open();
    case "unassigned":
      return and(open(), isNull(tickets.assigneeId));
    case "mine":
      return and(open(), eq(tickets.assigneeId, actorId));
    case "team":
      return and(open(), eq(tickets.level, inlined(level)));
    case "escalated":
      return and(open(), eq(tickets.level, inlined("engineering")));
    case "due_soon":
      return and(open(), lte(tickets.nextWarnAt, now), gt(tickets.nextDueAt, now));
    case "breached":
      return and(open(), lte(tickets.nextDueAt, now));
    case "waiting":
      return and(eq(tickets.status, inlined("waiting_on_customer")), isNull(tickets.mergedIntoId));
    case "done":
      return inArray(tickets.status, done());
    case "all":
      return undefined;
  }
}

/**
 * Words in the subject or in a message body, all in one vector per ticket. Customers search the
 * vector of public messages only, so a word from an internal note never reveals itself through
 * their search results.
 */
function searchCondition(staff: boolean): SQL {
  return sql`${staff ? tickets.search : tickets.publicSearch} @@ plainto_tsquery('simple', ${sql.placeholder("search")})`;
}

/** What a request asks for, bar the ids, tag, time and words it filters by: requests of one shape share one statement. */
type QueueShape = {
  staff: boolean;
  view: QueueView;
  /** The desk level the Team view means for this actor. */
  level: TicketLevel;
  orgId: boolean;
  priority: TicketPriority | undefined;
  status: TicketStatus | undefined;
  tag: boolean;
  nodeId: boolean;
  search: boolean;
  page: number;
  pageSize: number;
};

function queueCondition(db: DbOrTx, shape: QueueShape): SQL | undefined {
  const { staff, view } = shape;
  return and(
    staff ? undefined : sql`${tickets.orgId} = any(${sql.placeholder("customerOrgIds")}::uuid[])`,
    // Customers' views are about their own tickets' progress, not the desk's workload.
    staff || ["all", "open", "done", "waiting"].includes(view) ? viewCondition(view, shape.level) : sql`false`,
    shape.orgId ? eq(tickets.orgId, sql.placeholder("orgId")) : undefined,
    shape.priority ? eq(tickets.priority, inlined(shape.priority)) : undefined,
    shape.status ? eq(tickets.status, inlined(shape.status)) : undefined,
    shape.tag ? sql`${tickets.tags} @> array[${sql.placeholder("tag")}]::text[]` : undefined,
    shape.nodeId ? inArray(tickets.id, db.select({ id: ticketLinks.ticketId }).from(ticketLinks).where(eq(ticketLinks.nodeId, sql.placeholder("nodeId")))) : undefined,
    shape.search ? searchCondition(staff) : undefined,
  );
}

/** A page carries what the desk's table shows: each column more is read, mapped and sent 50 times. */
function pageStatement(db: DbOrTx, shape: QueueShape) {
  return (
    db
      .select({
        id: tickets.id,
        number: tickets.number,
        subject: tickets.subject,
        orgName: orgs.name,
        status: tickets.status,
        priority: tickets.priority,
        level: tickets.level,
        tags: tickets.tags,
        assigneeName: users.name,
        nextDueAt: isoTimestamp(tickets.nextDueAt),
        nextWarnAt: isoTimestamp(tickets.nextWarnAt),
        updatedAt: isoTimestamp(tickets.updatedAt),
      })
      .from(tickets)
      .innerJoin(orgs, eq(orgs.id, tickets.orgId))
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(queueCondition(db, shape))
      // Exactly the order of the queue indexes (db/schema/helpdesk.ts), so a page is an index walk.
      // Paused and done tickets have no deadline: those views list newest first.
      .orderBy(...(shape.view === "done" || shape.view === "waiting" ? [] : [sql`${tickets.nextDueAt} asc nulls last`]), sql`${tickets.number} desc nulls last`)
      // One row more than the page says whether another page follows (all a search needs).
      .limit(inlinedCount(shape.pageSize + 1))
      .offset(inlinedCount((shape.page - 1) * shape.pageSize))
  );
}

function countStatement(db: DbOrTx, shape: QueueShape) {
  return db.select({ n: count() }).from(db.select({ one: sql`1` }).from(tickets).where(queueCondition(db, shape)).limit(inlinedCount(QUEUE_COUNT_CAP + 1)).as("capped"));
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
  const shape: QueueShape = {
    staff,
    view,
    level: hasStaffRole(actor, ["engineer"]) && !actor.roles.includes("admin") ? "engineering" : "support",
    orgId: Boolean(query.orgId),
    priority: query.priority,
    status: query.status,
    tag: Boolean(query.tag),
    nodeId: Boolean(query.nodeId),
    search: Boolean(query.search),
    page: query.page,
    pageSize: query.pageSize,
  };
  const at = new Date();
  const values = { customerOrgIds: actor.customerOrgIds, actorId: actor.userId, now: at, orgId: query.orgId, tag: query.tag, nodeId: query.nodeId, search: query.search };
  // First pages are what the desk opens all day, and each has one plan. Later pages (each its own
  // text) and searches (how common the words are decides the plan) are planned for each request.
  const name = shape.page === 1 && !shape.search ? shapeName("queue", shape) : undefined;
  const [rows, counted] = await Promise.all([
    runShape(db, name, () => pageStatement(db, shape), values),
    // Counting every ticket a common word matches costs more than finding the page (the whole GIN
    // posting list against a short walk of the deadline index), so searches do not count.
    shape.search
      ? 0
      : runShape(db, name && `${name}_n`, () => countStatement(db, shape), values).then(([row]) => row?.n ?? 0),
  ]);
  const onPage = rows.slice(0, query.pageSize);
  return {
    view,
    // The rows are this request's own: each gains its deadline in place rather than as a copy.
    rows: onPage.map((row) => Object.assign(row, { deadline: deadlineState(row.status, row, at) })),
    // A search knows the tickets up to this page and whether more follow; a view knows its count.
    total: query.search ? (query.page - 1) * query.pageSize + onPage.length : Math.min(counted, QUEUE_COUNT_CAP),
    totalIsCapped: query.search ? rows.length > query.pageSize : counted > QUEUE_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}
