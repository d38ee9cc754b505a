import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { serverCaller } from "@/components/trpc/server";
import type { RackChoice } from "./device-form";

/** A device and the racks it could stand in; an unknown id is a 404 page. */
export async function loadDevice(id: string) {
  const caller = await serverCaller();
  try {
    const [device, sites] = await Promise.all([caller.inventory.device({ id }), caller.inventory.sites()]);
    const racks: RackChoice[] = sites.flatMap((site) => site.racks.map((rack) => ({ id: rack.id, name: rack.name, units: rack.units, siteName: site.name })));
    return { device, racks };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
