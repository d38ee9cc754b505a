import { describe, expect, it } from "vitest";
import { historyWords, type HistoryEvent } from "./desk-history-words";
import { queueFilters, queueHref } from "./desk-queue-params";
import { deadlineStateAt, dueWords, shortDuration } from "./desk-words";

const now = new Date("2026-03-10T10:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("due times on the desk", () => {
  it("are short and say which side of the deadline we are on", () => {
    expect(shortDuration(45)).toBe("45 min");
    expect(shortDuration(200)).toBe("3 h 20 min");
    expect(shortDuration(120)).toBe("2 h");
    expect(shortDuration(60 * 52)).toBe("2 d 4 h");
    expect(dueWords("on_track", at(90), now)).toBe("due in 1 h 30 min");
    expect(dueWords("breached", at(-20), now)).toBe("overdue by 20 min");
    expect(dueWords("paused", null, now)).toBe("paused");
    expect(dueWords("done", null, now)).toBe("—");
  });

  it("turn amber and red as time passes, without asking the server", () => {
    const row = { deadline: "on_track" as const, nextDueAt: at(60), nextWarnAt: at(30) };
    expect(deadlineStateAt(row, now)).toBe("on_track");
    expect(deadlineStateAt(row, at(45))).toBe("due_soon");
    expect(deadlineStateAt(row, at(60))).toBe("breached");
    expect(deadlineStateAt({ deadline: "paused", nextDueAt: null, nextWarnAt: null }, at(600))).toBe("paused");
  });
});

describe("the queue's URL", () => {
  it("keeps valid filters, drops junk, and starts a changed filter at page 1", () => {
    const filters = queueFilters({ view: "breached", org: "not-a-uuid", priority: "urgent", status: "bogus", tag: "Staging", q: "  port 8443 ", page: "3" });
    expect(filters).toEqual({ view: "breached", priority: "urgent", tag: "staging", search: "port 8443", page: 3 });
    expect(queueHref(filters, { page: 4 })).toBe("/desk?view=breached&priority=urgent&tag=staging&q=port+8443&page=4");
    expect(queueHref(filters, { view: "mine" })).toBe("/desk?view=mine&priority=urgent&tag=staging&q=port+8443");
    expect(queueFilters({ page: "-2" })).toEqual({ page: 1 });
    expect(queueHref({ page: 1 })).toBe("/desk");
  });
});

describe("the ticket's history in words", () => {
  const names = new Map([["7d4e1c7a-3c1b-4c55-9a1e-0b0b0b0b0b0b", "Alex Agent"]]);
  const event = (action: string, before: unknown, after: unknown): HistoryEvent => ({ at: now, actor: "agent@hostdesk.test", action, before, after });
  const words = (e: HistoryEvent) => historyWords(e, (id) => names.get(id));

  it("says what changed from what", () => {
    expect(
      words(
        event(
          "ticket.update",
          { status: "new", priority: "normal", assigneeId: null, tags: ["db"] },
          { status: "waiting_on_customer", priority: "high", assigneeId: "7d4e1c7a-3c1b-4c55-9a1e-0b0b0b0b0b0b", tags: ["staging", "web"] },
        ),
      ),
    ).toEqual([
      "changed the status from New to Waiting on customer",
      "changed the priority from Normal to High",
      "assigned it to Alex Agent",
      "tagged it staging, web",
      "removed the tag db",
    ]);
    expect(words(event("ticket.update", { assigneeId: "7d4e1c7a-3c1b-4c55-9a1e-0b0b0b0b0b0b", level: "support" }, { assigneeId: null, level: "engineering" }))).toEqual([
      "moved the ticket to engineering",
      "unassigned Alex Agent",
    ]);
  });

  it("names replies, notes, escalations and merges, and survives odd trail entries", () => {
    expect(words(event("ticket.reply", { status: "open" }, { messageId: "m", status: "solved" }))).toEqual(["replied publicly and set the status to Solved"]);
    expect(words(event("ticket.note", null, { messageId: "m" }))).toEqual(["wrote an internal note"]);
    expect(words(event("ticket.escalate", null, { note: "disk latency" }))).toEqual(["escalated to engineering: “disk latency”"]);
    expect(words(event("ticket.merge_in", null, { merged: "x", number: 12 }))).toEqual(["merged #12 into this ticket"]);
    expect(words(event("ticket.update", null, { status: "exploded" }))).toEqual(["changed the ticket"]);
    expect(words(event("ticket.mystery", null, null))).toEqual(["ticket.mystery"]);
  });
});
