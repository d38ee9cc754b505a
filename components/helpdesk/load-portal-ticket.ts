import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { isUuid } from "@/components/inventory/is-uuid";
import { serverCaller } from "@/components/trpc/server";

/** A ticket as its customer may see it; another org's ticket is the same 404 as a missing one. */
export async function loadPortalTicket(id: string, thread: "latest" | "all" = "latest") {
  if (!isUuid(id)) notFound();
  try {
    return await (await serverCaller()).helpdesk.ticket({ ticketId: id, thread });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
