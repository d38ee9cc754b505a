import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { services, users, vms } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { createTicket, replyToTicket } from "@/server/helpdesk/tickets";
import { escalateTicket, updateTicket } from "@/server/helpdesk/ticket-changes";

async function actorOf(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const actor = user ? await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion }) : null;
  if (!actor) throw new Error(`demo user ${email} is missing`);
  return actor;
}

const vmId = async (db: Db, name: string) => (await db.select({ id: vms.id }).from(vms).where(eq(vms.name, name)))[0]!.id;

/**
 * A believable morning on the desk, made through the same domain functions the app uses (so the
 * clocks, audit trail and outbox are real): Acme with an urgent outage that was escalated, a
 * question answered and waiting on the customer, Globex with a new request.
 */
export async function seedTickets(db: Db, orgIds: { acme: string; globex: string }): Promise<void> {
  const [acmeOwner, acmeDev, globexOwner, agent] = await Promise.all(
    ["owner@acme.test", "dev@acme.test", "owner@globex.test", "agent@hostdesk.test"].map((email) => actorOf(db, email)),
  );
  const [acmeDb] = await db.select({ id: services.id }).from(services).where(eq(services.vmId, await vmId(db, "acme-db01")));

  const outage = await createTicket(db, acmeOwner!, {
    orgId: orgIds.acme,
    subject: "Checkout times out since 09:10",
    body: "Our shop's checkout page times out for every customer. The database seems slow.",
    priority: "urgent",
    nodeIds: [await vmId(db, "acme-db01"), ...(acmeDb ? [acmeDb.id] : [])],
  });
  await replyToTicket(db, agent!, { ticketId: outage.ticketId, body: "We are looking at acme-db01 now and will update you within 30 minutes." });
  await replyToTicket(db, agent!, { ticketId: outage.ticketId, body: "Disk latency on the storage pool looks high; engineering should check st01.", visibility: "internal" });
  await escalateTicket(db, agent!, { ticketId: outage.ticketId, note: "Storage latency on st01-ssd, customer checkout down." });

  const question = await createTicket(db, acmeDev!, { orgId: orgIds.acme, subject: "Can we get a second staging VM?", body: "We'd like a copy of acme-web01 for load tests.", priority: "low" });
  await replyToTicket(db, agent!, { ticketId: question.ticketId, body: "Sure. Which size do you need, and for how long?", status: "waiting_on_customer" });
  await updateTicket(db, agent!, { ticketId: question.ticketId, addTags: ["staging"], assigneeId: agent!.userId });

  await createTicket(db, globexOwner!, { orgId: orgIds.globex, subject: "Please open port 8443 on globex-app01", body: "Our new admin console listens on 8443.", priority: "normal" });
}
