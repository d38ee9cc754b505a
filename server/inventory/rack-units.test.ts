import { describe, expect, it } from "vitest";
import { rackElevation, rackPlacementProblem } from "./rack-units";

const rack = { name: "A01", units: 42 };
const others = [
  { name: "rtr1", rackUnit: 42, heightUnits: 1 },
  { name: "st01", rackUnit: 30, heightUnits: 4 },
];

describe("rack positions", () => {
  it("accepts free units, up to the top of the rack", () => {
    expect(rackPlacementProblem(rack, { name: "kvm07", rackUnit: 34, heightUnits: 8 }, others)).toBeNull();
    expect(rackPlacementProblem(rack, { name: "kvm07", rackUnit: 1, heightUnits: 29 }, others)).toBeNull();
  });

  it("refuses units another device fills, naming it", () => {
    expect(rackPlacementProblem(rack, { name: "kvm07", rackUnit: 28, heightUnits: 3 }, others)).toBe(
      "U30–U33 of rack A01 already hold st01: choose free units for kvm07.",
    );
    expect(rackPlacementProblem(rack, { name: "kvm07", rackUnit: 42, heightUnits: 1 }, others)).toContain("U42 of rack A01 already hold rtr1");
  });

  it("refuses a device sticking out of the top, saying how high it may go", () => {
    expect(rackPlacementProblem({ name: "B01", units: 42 }, { name: "st03", rackUnit: 40, heightUnits: 4 }, [])).toBe(
      "At U40 st03 would reach U43, but rack B01 has 42 units: choose U39 or lower.",
    );
    expect(rackPlacementProblem({ name: "S1", units: 2 }, { name: "st03", rackUnit: 1, heightUnits: 4 }, [])).toContain("choose a taller rack");
  });

  it("reads the rack from the top with the free runs between devices", () => {
    const rows = rackElevation(42, others).map((row) => [row.top, row.bottom, row.device?.name ?? null]);
    expect(rows).toEqual([
      [42, 42, "rtr1"],
      [41, 34, null],
      [33, 30, "st01"],
      [29, 1, null],
    ]);
    expect(rackElevation(4, [])).toEqual([{ top: 4, bottom: 1, device: null }]);
  });
});
