import { describe, expect, it } from "vitest";
import { describeServiceChain } from "./describe";

const rtr1 = { name: "rtr1" };
const rtr2 = { name: "rtr2" };

describe("describeServiceChain", () => {
  it("describes a VM on a hypervisor and storage behind two redundant routers", () => {
    expect(
      describeServiceChain({ vm: { name: "web01" }, hypervisor: { name: "kvm03" }, storage: { name: "st01" }, network: [rtr1, rtr2], redundantNetwork: true }),
    ).toBe("web01 runs on hypervisor kvm03, stored on st01, reached through rtr1 and rtr2 (either one is enough).");
  });

  it("starts from the service when one is given", () => {
    expect(
      describeServiceChain({
        service: { name: "shop" },
        vm: { name: "web01" },
        hypervisor: { name: "kvm03" },
        storage: { name: "st01" },
        network: [rtr1, rtr2],
        redundantNetwork: true,
      }),
    ).toBe("shop runs on web01, which runs on hypervisor kvm03, stored on st01, reached through rtr1 and rtr2 (either one is enough).");
    expect(describeServiceChain({ service: { name: "shop" }, vm: { name: "web01" }, network: [], redundantNetwork: false })).toBe("shop runs on web01.");
  });

  it("says nothing about backup when the network path is in series or has a single member", () => {
    expect(describeServiceChain({ vm: { name: "web01" }, hypervisor: { name: "kvm03" }, network: [{ name: "sw1" }, rtr1], redundantNetwork: false })).toBe(
      "web01 runs on hypervisor kvm03, reached through sw1 and rtr1.",
    );
    expect(describeServiceChain({ vm: { name: "web01" }, hypervisor: { name: "kvm03" }, network: [rtr1], redundantNetwork: true })).toBe(
      "web01 runs on hypervisor kvm03, reached through rtr1.",
    );
  });

  it("lists three redundant routers naturally", () => {
    expect(describeServiceChain({ vm: { name: "web01" }, network: [rtr1, rtr2, { name: "rtr3" }], redundantNetwork: true })).toBe(
      "web01 is reached through rtr1, rtr2 and rtr3 (any one is enough).",
    );
  });

  it("keeps the sentence grammatical when the hypervisor is unknown", () => {
    expect(describeServiceChain({ vm: { name: "web01" }, storage: { name: "st01" }, network: [rtr1], redundantNetwork: false })).toBe(
      "web01 is stored on st01, reached through rtr1.",
    );
    expect(describeServiceChain({ service: { name: "shop" }, vm: { name: "web01" }, storage: { name: "st01" }, network: [], redundantNetwork: false })).toBe(
      "shop runs on web01, which is stored on st01.",
    );
  });

  it("says so when nothing is recorded", () => {
    expect(describeServiceChain({ vm: { name: "web01" }, network: [], redundantNetwork: false })).toBe("web01 has no recorded dependencies.");
  });
});
