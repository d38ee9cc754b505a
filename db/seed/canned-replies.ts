import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor } from "@/server/auth/actor";
import { createCannedReply } from "@/server/helpdesk/canned-replies";

/** The desk's everyday answers, with the placeholders the composer fills (server/helpdesk/placeholders.ts). */
export const demoCannedReplies = [
  {
    title: "Acknowledge and investigate",
    body: "Hello {{requester.name}},\n\nThank you for ticket #{{ticket.number}} (“{{ticket.subject}}”). We are looking into it now and will get back to you as soon as we know more. For this priority we answer within {{sla.first_response}}.\n\nBest regards,\n{{agent.name}}, Hostdesk support",
  },
  {
    title: "Ask for details",
    body: "Hello {{requester.name}},\n\nTo get to the bottom of this, could you tell us:\n\n- when it started (date and time, with the time zone),\n- which server or address is affected,\n- the exact error message, if there is one?\n\nThank you,\n{{agent.name}}, Hostdesk support",
  },
  {
    title: "Solved, please confirm",
    body: "Hello {{requester.name}},\n\nWe believe this is solved for {{customer.name}}. Please check on your side and reply to this ticket if anything is still not right; otherwise there is nothing more to do.\n\nBest regards,\n{{agent.name}}, Hostdesk support",
  },
] as const;

/** Made by the demo agent through the desk's own function, so they are audited like any other. */
export async function seedCannedReplies(db: Db): Promise<void> {
  const [agent] = await db.select().from(users).where(eq(users.email, "agent@hostdesk.test"));
  const actor = agent ? await loadActor(db, { userId: agent.id, sessionVersion: agent.sessionVersion }) : null;
  if (!actor) throw new Error("demo user agent@hostdesk.test is missing");
  for (const reply of demoCannedReplies) await createCannedReply(db, actor, reply);
}
