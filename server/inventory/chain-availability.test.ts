import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/actors";
import { serviceId } from "./testing";

describe("availability of a service's dependency chain", () => {
  it("multiplies the chain in series, and two routers in parallel count as one very reliable part", async () => {
    const am = await callerFor("am@hostdesk.test");
    const nodeId = await serviceId("acme-web01", "nginx");
    const chain = await am.sla.chainAvailability({ nodeId });
    const own = chain.parts.find((p) => p.id === nodeId)!;
    // Never above its weakest part in series, and below the service's own figure.
    expect(chain.availability).toBeLessThan(own.availability);
    expect(chain.availability).toBeLessThanOrEqual(Math.min(...chain.parts.filter((p) => p.kind !== "router").map((p) => p.availability)));
    expect(chain.exact).toBe(true);
    expect(chain.parts.filter((p) => p.kind === "router")).toHaveLength(2);

    // A poor router barely matters while its twin stands; a poor hypervisor drags the chain down.
    const poorRouters = await am.sla.chainAvailability({ nodeId, kindAvailability: { router: 0.99 } });
    const poorHypervisor = await am.sla.chainAvailability({ nodeId, kindAvailability: { hypervisor: 0.99 } });
    expect(chain.availability - poorRouters.availability).toBeLessThan(0.0002);
    expect(chain.availability - poorHypervisor.availability).toBeGreaterThan(0.008);
    expect(poorHypervisor.weakest?.kind).toBe("hypervisor");
  });

  it("refuses figures that are not availabilities", async () => {
    const am = await callerFor("am@hostdesk.test");
    await expect(am.sla.chainAvailability({ nodeId: await serviceId("acme-web01", "nginx"), kindAvailability: { router: 1.5 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
