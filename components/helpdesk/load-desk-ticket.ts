import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { isUuid } from "@/components/inventory/is-uuid";
import { serverCaller } from "@/components/trpc/server";

const missingAs404 = (error: unknown): never => {
  if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
  throw error;
};

/**
 * The ticket a desk URL names. Desk URLs use the number people quote ("#123"); an id (from the
 * portal, a mail link, an old bookmark) redirects to the number, and anything else is a 404.
 */
export async function loadDeskTicket(ref: string, thread: "latest" | "all" = "latest") {
  const caller = await serverCaller();
  if (isUuid(ref)) {
    const { number } = await caller.helpdesk.ticket({ ticketId: ref }).catch(missingAs404);
    redirect(`/desk/tickets/${number}${thread === "all" ? "?thread=all" : ""}`);
  }
  if (!/^[1-9]\d{0,14}$/.test(ref)) notFound();
  const { id } = await caller.helpdesk.lookup({ number: Number(ref) }).catch(missingAs404);
  const [ticket, deadlines] = await Promise.all([caller.helpdesk.ticket({ ticketId: id, thread }), caller.helpdesk.deadlines({ ticketId: id })]);
  return { ticket, deadlines };
}
