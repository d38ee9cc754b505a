import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orgs } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";

const acmeId = async () => (await getDb().select().from(orgs).where(eq(orgs.slug, "acme")))[0]!.id;
const idsFound = async (email: string, search: string) =>
  (await (await callerFor(email)).helpdesk.queue({ view: "all", search })).rows.map((r) => r.id);

describe("searching tickets by the words of their messages", () => {
  it("finds a ticket by any word of its subject or messages, the moment they are written", async () => {
    const customer = await callerFor("owner@acme.test");
    const { ticketId } = await customer.helpdesk.create({ orgId: await acmeId(), subject: "Nightly export stalls", body: "The export hangs at the quokka step." });
    expect(await idsFound("agent@hostdesk.test", "stalls")).toEqual([ticketId]);
    expect(await idsFound("agent@hostdesk.test", "quokka")).toEqual([ticketId]);
    await customer.helpdesk.reply({ ticketId, body: "Now it also says wombat overflow." });
    expect(await idsFound("owner@acme.test", "wombat overflow")).toEqual([ticketId]);
    // Every word must match, as the desk's search box promises.
    expect(await idsFound("agent@hostdesk.test", "quokka platypus")).toEqual([]);
  });

  it("moves the words with the messages when a duplicate is merged", async () => {
    const customer = await callerFor("owner@acme.test");
    const agent = await callerFor("agent@hostdesk.test");
    const orgId = await acmeId();
    const survivor = await customer.helpdesk.create({ orgId, subject: "Shop is slow", body: "Pages take ten seconds." });
    const duplicate = await customer.helpdesk.create({ orgId, subject: "Shop slow again", body: "Seeing axolotl errors in the log." });
    await agent.helpdesk.reply({ ticketId: duplicate.ticketId, body: "Internal: narwhal cache looks cold.", visibility: "internal" });
    await agent.helpdesk.merge({ ticketId: duplicate.ticketId, intoTicketId: survivor.ticketId });

    expect(await idsFound("agent@hostdesk.test", "axolotl")).toEqual([survivor.ticketId]);
    expect(await idsFound("agent@hostdesk.test", "narwhal")).toEqual([survivor.ticketId]);
    // The internal note moved too, and customers still cannot find it.
    expect(await idsFound("owner@acme.test", "narwhal")).toEqual([]);
  });

  it("pages through matches without counting them all: a page says only whether another follows", async () => {
    const customer = await callerFor("owner@acme.test");
    const orgId = await acmeId();
    for (let n = 1; n <= 11; n++) await customer.helpdesk.create({ orgId, subject: `Capybara alert ${n}`, body: "The capybara job paged us." });
    const agent = await callerFor("agent@hostdesk.test");
    const first = await agent.helpdesk.queue({ view: "all", search: "capybara", pageSize: 10 });
    expect(first.rows).toHaveLength(10);
    expect({ total: first.total, more: first.totalIsCapped }).toEqual({ total: 10, more: true });
    const second = await agent.helpdesk.queue({ view: "all", search: "capybara", pageSize: 10, page: 2 });
    expect(second.rows).toHaveLength(1);
    expect({ total: second.total, more: second.totalIsCapped }).toEqual({ total: 11, more: false });
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(11);
  });
});
