import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedWallTimeToUtc } from "@/server/calendars/zoned-time";
import { deadlinesOf, moveClock, type ClockState } from "./clock";
import { deadlineState } from "./deadline-state";
import { policyFor } from "./policy";

/** A Berlin wall-clock time as an instant. */
const berlin = (date: string, time: string) => {
  const [h, m] = time.split(":").map(Number);
  return zonedWallTimeToUtc(date, h! * 60 + m!, "Europe/Berlin");
};
const filed = (at: Date): ClockState => ({ status: "new", consumedMinutes: 0, runningSince: at, firstRespondedAt: null, awaitingReplySince: null });
const normal = policyFor("normal", null);

describe("the SLA clock", () => {
  it("counts only support hours: a normal ticket filed late on Friday is due on Monday afternoon", () => {
    // 8 business hours: Fri 17–18, then Mon 08–15.
    const deadlines = deadlinesOf(filed(berlin("2026-11-27", "17:00")), normal);
    expect(deadlines.firstResponseDueAt).toEqual(berlin("2026-11-30", "15:00"));
    expect(deadlines.nextDueAt).toEqual(deadlines.firstResponseDueAt);
    // Due soon once 80 % is used: 6 h 24 m in, Mon 13:24.
    expect(deadlines.nextWarnAt).toEqual(berlin("2026-11-30", "13:24"));
  });

  it("pauses while waiting on the customer and resumes where it stopped", () => {
    const start = filed(berlin("2026-11-30", "09:00"));
    const paused = moveClock(start, "waiting_on_customer", berlin("2026-11-30", "11:00"), normal, normal);
    expect(paused).toMatchObject({ consumedMinutes: 120, runningSince: null });
    expect(deadlinesOf(paused, normal).nextDueAt).toBeNull();
    expect(deadlineState("waiting_on_customer", deadlinesOf(paused, normal), berlin("2026-12-01", "10:00"))).toBe("paused");

    // The customer answers a day later: 6 of 8 hours remain for the first response.
    const resumed = moveClock(paused, "open", berlin("2026-12-01", "09:00"), normal, normal);
    expect(deadlinesOf(resumed, normal).firstResponseDueAt).toEqual(berlin("2026-12-01", "15:00"));
  });

  it("runs urgent tickets around the clock, in real time across the spring-forward night", () => {
    const urgent = policyFor("urgent", null);
    const deadlines = deadlinesOf(filed(berlin("2026-03-29", "01:30")), urgent);
    // 02:00 does not exist that night: sixty real minutes after 01:30 is 03:30.
    expect(deadlines.firstResponseDueAt).toEqual(berlin("2026-03-29", "03:30"));
  });

  it("skips the contract's public holidays", () => {
    const contract = {
      version: 3,
      supportCalendar: { timeZone: "Europe/Berlin", frames: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, startMinute: 480, endMinute: 1080 })), holidays: ["2026-12-25"] },
      terms: { responseTargets: [{ priority: "high", firstResponseMinutes: 120, nextReplyMinutes: 240, resolutionMinutes: 960, clock: "business" }], pausingStatuses: ["waiting_on_customer"] },
    } as unknown as Parameters<typeof policyFor>[1];
    const policy = policyFor("high", contract);
    expect(policy.source).toBe("contract v3");
    // Thu 24 Dec 17:00 + 2 h: one hour on Thursday, Christmas Day is a holiday, the weekend is closed.
    expect(deadlinesOf(filed(berlin("2026-12-24", "17:00")), policy).firstResponseDueAt).toEqual(berlin("2026-12-28", "09:00"));
    // This contract does not pause for "on hold".
    expect(moveClock(filed(berlin("2026-12-28", "09:00")), "on_hold", berlin("2026-12-28", "10:00"), policy, policy).runningSince).not.toBeNull();
  });

  it("owes a next reply for a customer message after the first response", () => {
    const state: ClockState = { ...filed(berlin("2026-11-30", "09:00")), status: "open", firstRespondedAt: berlin("2026-11-30", "10:00"), awaitingReplySince: berlin("2026-11-30", "14:00") };
    const deadlines = deadlinesOf(state, normal);
    expect(deadlines.firstResponseDueAt).toBeNull();
    // 16 business hours: Mon 14–18, Tue 08–18, Wed 08–10.
    expect(deadlines.nextReplyDueAt).toEqual(berlin("2026-12-02", "10:00"));
    expect(deadlines.nextDueAt).toEqual(deadlines.nextReplyDueAt);
  });

  it("keeps time already spent when the priority changes, and stops when solved", () => {
    const high = policyFor("high", null);
    const start = filed(berlin("2026-11-30", "09:00"));
    const raised = moveClock(start, "open", berlin("2026-11-30", "10:00"), normal, high);
    expect(raised.consumedMinutes).toBe(60);
    // High: 4 h first response, one already spent.
    expect(deadlinesOf(raised, high).firstResponseDueAt).toEqual(berlin("2026-11-30", "13:00"));
    const solved = moveClock(raised, "solved", berlin("2026-11-30", "11:00"), high, high);
    expect(deadlinesOf(solved, high).nextDueAt).toBeNull();
    expect(deadlineState("solved", deadlinesOf(solved, high), berlin("2026-12-31", "12:00"))).toBe("done");
  });

  it("never moves a deadline later when more time was already consumed, and never before the clock started", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2025-01-01"), max: new Date("2028-01-01"), noInvalidDate: true }), fc.nat(4000), fc.nat(4000), (at, a, b) => {
        const [less, more] = a < b ? [a, b] : [b, a];
        const due = (consumed: number) => deadlinesOf({ ...filed(at), consumedMinutes: consumed }, normal).resolutionDueAt!.getTime();
        expect(due(more)).toBeLessThanOrEqual(due(less));
        expect(due(more)).toBeGreaterThanOrEqual(at.getTime());
      }),
      { numRuns: 200 },
    );
  });
});
