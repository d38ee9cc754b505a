import { describe, expect, it } from "vitest";
import { automaticMailReason } from "./automatic";
import { baseSubject, fitBody, MAX_BODY_CHARS, stripHtml, trimQuotedHistory } from "./body-text";
import { threadHintOf, threadHintsOf } from "./threading";

const id = "0b7c6f3e-6a4f-4d2e-9a51-2f1f7f6b9c10";

describe("trimming quoted history", () => {
  it("cuts at the quote header of common mail programs", () => {
    expect(trimQuotedHistory("Fixed, thanks!\n\nOn Mon, 2 Jun 2025 at 09:12, Hostdesk Support <support@hostdesk.test> wrote:\n> Try again.")).toBe("Fixed, thanks!");
    expect(trimQuotedHistory("Fixed.\n\nOn Mon, 2 Jun 2025 at 09:12, Hostdesk Support\n<support@hostdesk.test> wrote:\n> Try again.")).toBe("Fixed.");
    expect(trimQuotedHistory("Danke.\n\nAm 02.06.2025 um 09:12 schrieb Hostdesk Support <support@hostdesk.test>:\n> Bitte testen.")).toBe("Danke.");
    expect(trimQuotedHistory("Works now.\r\n\r\n________________________________\r\nFrom: Hostdesk Support\r\nSent: Monday\r\n")).toBe("Works now.");
    expect(trimQuotedHistory("Works now.\n\nFrom: Hostdesk Support <support@hostdesk.test>\nSent: Monday, 2 June 2025 09:12\nTo: Olivia\n")).toBe("Works now.");
    expect(trimQuotedHistory("Yes.\n\n-----Original Message-----\nFrom: x")).toBe("Yes.");
  });

  it("drops a trailing quote block and the signature, keeps answers between quotes", () => {
    expect(trimQuotedHistory("> Which VM?\nacme-web01\n> Since when?\nYesterday.\n\n-- \nOlivia Owner\nAcme")).toBe("> Which VM?\nacme-web01\n> Since when?\nYesterday.");
    expect(trimQuotedHistory("See below.\n\n> old\n> older\n")).toBe("See below.");
  });

  it("keeps the whole text when trimming would leave nothing", () => {
    expect(trimQuotedHistory("> only a quote")).toBe("> only a quote");
  });
});

describe("bodies and subjects", () => {
  it("never stores markup from HTML, and fits long or empty text", () => {
    expect(stripHtml("<style>p{}</style><p>A &amp; B</p><p>C<br>D</p>")).toBe("A & B\nC\nD");
    expect(fitBody("   ")).toBe("(This mail had no text.)");
    const long = fitBody("x".repeat(MAX_BODY_CHARS * 2));
    expect(long.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(long).toMatch(/cut: it was 100,000 characters long/);
    expect(baseSubject("Re: AW: [#12] Disk full")).toBe("Disk full");
  });
});

describe("recognising automatic mail and our own ids", () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
  const base = { envelopeFrom: "a@b.test", contentType: "text/plain", messageId: "<x@b.test>", fromAddress: "a@b.test" };

  it("tells machines from people", () => {
    expect(automaticMailReason({ ...base, header: headers({}) })).toBeNull();
    expect(automaticMailReason({ ...base, header: headers({ "auto-submitted": "no" }) })).toBeNull();
    expect(automaticMailReason({ ...base, header: headers({ "auto-submitted": "auto-generated" }) })).toMatch(/Auto-Submitted/);
    expect(automaticMailReason({ ...base, header: headers({ precedence: "junk" }) })).toMatch(/Precedence/);
    expect(automaticMailReason({ ...base, header: headers({ "x-autoreply": "yes" }) })).toMatch(/X-Autoreply/);
    expect(automaticMailReason({ ...base, envelopeFrom: "", header: headers({}) })).toMatch(/null sender/);
    expect(automaticMailReason({ ...base, contentType: "multipart/report", header: headers({}) })).toMatch(/report/);
    expect(automaticMailReason({ ...base, fromAddress: "support@hostdesk.test", header: headers({}) })).toMatch(/Hostdesk itself/);
    expect(automaticMailReason({ ...base, messageId: `<ack-${id}@hostdesk.test>`, header: headers({}) })).toMatch(/Hostdesk itself/);
  });

  it("finds the ticket in our Message-IDs, nearest reference first, and ignores other domains", () => {
    expect(threadHintOf(`<ticket-${id}@hostdesk.test>`)).toEqual({ ticketId: id });
    expect(threadHintOf(`<status-${id}-1718000000000@hostdesk.test>`)).toEqual({ ticketId: id });
    expect(threadHintOf(`<message-${id}@hostdesk.test>`)).toEqual({ messageId: id });
    expect(threadHintOf(`<ticket-${id}@evil.test>`)).toBeNull();
    const other = "1c9a2b55-2f3e-4c39-8f0d-7a0f2f9c3b21";
    expect(threadHintsOf([], [`<ticket-${id}@hostdesk.test>`, `<message-${other}@hostdesk.test>`])[0]).toEqual({ messageId: other });
  });
});
