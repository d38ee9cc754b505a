import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/actors";
import { compareStructure } from "./environment-drift";

describe("production vs staging structure", () => {
  it("flags shapes present on one side only, not counts", () => {
    const production = [
      { role: "web", serviceKind: "nginx" },
      { role: "lb", serviceKind: "haproxy" },
      { role: "db", serviceKind: "postgresql" },
    ];
    const staging = [
      { role: "web", serviceKind: "nginx" },
      { role: "db", serviceKind: "postgresql" },
      { role: "db", serviceKind: "redis" },
    ];
    expect(compareStructure(production, staging)).toEqual([
      { role: "db", serviceKinds: ["redis"], wholeRole: false, missingIn: "production" },
      { role: "lb", serviceKinds: ["haproxy"], wholeRole: true, missingIn: "staging" },
    ]);
    expect(compareStructure(production, production)).toEqual([]);
  });

  it("shows Acme that its staging lacks the load balancer, workers and mail of production", async () => {
    const acme = await callerFor("owner@acme.test");
    const [org] = await acme.orgs.list();
    const result = await acme.inventory.environmentDrift({ orgId: org!.id });
    expect(result.hasBoth).toBe(true);
    expect(result.drift.filter((d) => d.missingIn === "staging" && d.wholeRole).map((d) => d.role)).toEqual(["lb", "mail", "worker"]);
  });
});
