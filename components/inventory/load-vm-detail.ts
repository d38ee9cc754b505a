import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { serverCaller } from "@/components/trpc/server";

/** Everything the VM page shows, fetched in parallel through the same procedures the API offers. */
export async function loadVmDetail(id: string) {
  const caller = await serverCaller();
  try {
    const [vm, chain, readiness] = await Promise.all([caller.inventory.vm({ id }), caller.inventory.chain({ nodeId: id }), caller.inventory.readiness({ id })]);
    const chains = await Promise.all(vm.services.map(async (s) => [s.id, (await caller.inventory.chain({ nodeId: s.id })).description] as const));
    return { vm, chain, readiness, serviceChains: Object.fromEntries(chains) };
  } catch (error) {
    // Another org's VM reads exactly like a missing one: a 404 page.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
