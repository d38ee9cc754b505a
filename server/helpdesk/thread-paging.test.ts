import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orgs, ticketMessages } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { THREAD_PAGE } from "./schemas";

describe("a long thread", () => {
  it("opens with its latest messages, says how many came before, and reads whole on request", async () => {
    const customer = await callerFor("owner@acme.test");
    const [acme] = await getDb().select().from(orgs).where(eq(orgs.slug, "acme"));
    const { ticketId } = await customer.helpdesk.create({ orgId: acme!.id, subject: "Long running saga", body: "It started on Monday." });
    const start = Date.now();
    // 120 public updates and 10 internal notes, a minute apart, after the first message.
    await getDb()
      .insert(ticketMessages)
      .values(
        Array.from({ length: 130 }, (_, i) => ({
          ticketId,
          authorEmail: "agent@hostdesk.test",
          authorName: "Alex Agent",
          authorKind: "staff" as const,
          visibility: i % 13 === 12 ? ("internal" as const) : ("public" as const),
          channel: "desk" as const,
          body: `Update ${i + 1}`,
          bodyHtml: `<p>Update ${i + 1}</p>`,
          createdAt: new Date(start + (i + 1) * 60_000),
        })),
      );

    const agent = await callerFor("agent@hostdesk.test");
    const opened = await agent.helpdesk.ticket({ ticketId });
    expect(opened.messages).toHaveLength(THREAD_PAGE);
    expect(opened.earlierMessages).toBe(131 - THREAD_PAGE);
    expect(opened.messages.at(-1)!.bodyHtml).toBe("<p>Update 130</p>");
    const times = opened.messages.map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const whole = await agent.helpdesk.ticket({ ticketId, thread: "all" });
    expect(whole.messages).toHaveLength(131);
    expect(whole.earlierMessages).toBe(0);
    expect(whole.messages[0]!.bodyHtml).toContain("It started on Monday.");

    // Customers count and page through public messages only.
    const seen = await customer.helpdesk.ticket({ ticketId });
    expect(seen.messages).toHaveLength(THREAD_PAGE);
    expect(seen.messages.every((m) => m.visibility === "public")).toBe(true);
    expect(seen.earlierMessages).toBe(121 - THREAD_PAGE);
    expect((await customer.helpdesk.ticket({ ticketId, thread: "all" })).messages).toHaveLength(121);
  });
});
