import { describe, expect, it } from "vitest";
import { agoWords, dueWords, slaSentence, withinWords } from "./portal-ticket-words";

const now = new Date("2030-03-05T10:00:00Z"); // a Tuesday
const urgent = { priority: "urgent", firstResponseMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480, clock: "calendar" } as const;
const normal = { priority: "normal", firstResponseMinutes: 480, nextReplyMinutes: 960, resolutionMinutes: 4800, clock: "business" } as const;
const sla = { source: "contract v1", target: urgent, firstResponseDueAt: new Date("2030-03-05T11:00:00Z"), firstRespondedAt: null, nextReplyDueAt: null };

describe("the portal's SLA sentence", () => {
  it("promises the first answer by a time in the support calendar's zone, with the contract's target", () => {
    expect(slaSentence({ status: "new", priority: "urgent", sla }, now, "Europe/Berlin")).toBe(
      "We aim to answer by Tue 12:00 CET (your contract: a first answer to urgent tickets within 1 hour, day and night).",
    );
  });

  it("speaks of the next reply once we answered, and of standard terms without a contract", () => {
    const answered = { ...sla, source: "default policy", target: normal, firstRespondedAt: now, nextReplyDueAt: new Date("2030-03-06T09:00:00Z") };
    expect(slaSentence({ status: "open", priority: "normal", sla: answered }, now, "Europe/Berlin")).toBe(
      "We aim to reply by Wed 10:00 CET (our standard terms: a reply to normal tickets within 16 support hours).",
    );
    expect(slaSentence({ status: "open", priority: "normal", sla: { ...answered, nextReplyDueAt: null } }, now, "Europe/Berlin")).toMatch(/We have answered/);
  });

  it("owes nothing on solved tickets and asks for an answer while waiting", () => {
    expect(slaSentence({ status: "solved", priority: "urgent", sla }, now, "UTC")).toBeNull();
    expect(slaSentence({ status: "waiting_on_customer", priority: "urgent", sla }, now, "UTC")).toMatch(/waiting for your answer/);
  });

  it("apologises rather than announcing a breach when the time has passed", () => {
    const late = { ...sla, firstResponseDueAt: new Date("2030-03-05T09:00:00Z") };
    const sentence = slaSentence({ status: "new", priority: "urgent", sla: late }, now, "Europe/Berlin")!;
    expect(sentence).toMatch(/^We aimed to answer by Tue 10:00 CET\. Sorry for the wait/);
    expect(sentence).not.toMatch(/breach/i);
  });
});

describe("times and durations in words", () => {
  it("counts support hours as hours, never days", () => {
    expect(withinWords(2880, "business")).toBe("within 48 support hours");
    expect(withinWords(2880, "calendar")).toBe("within 2 days, day and night");
    expect(withinWords(90, "business")).toBe("within 90 support minutes");
  });

  it("adds the date to times beyond the coming week, and says how long ago things were", () => {
    expect(dueWords(new Date("2030-03-20T10:00:00Z"), now, "UTC")).toBe("Wed 20 Mar, 10:00 UTC");
    expect(agoWords(new Date("2030-03-05T09:55:00Z"), now)).toBe("5 minutes ago");
    expect(agoWords(new Date("2030-03-04T10:00:00Z"), now)).toBe("yesterday");
    expect(agoWords(now, now)).toBe("just now");
  });
});
