import { describe, expect, it } from "vitest";
import { joinNaturally } from "./natural-list";

describe("joinNaturally", () => {
  it("joins lists the way a sentence does", () => {
    expect(joinNaturally([])).toBe("");
    expect(joinNaturally(["a"])).toBe("a");
    expect(joinNaturally(["a", "b"])).toBe("a and b");
    expect(joinNaturally(["a", "b", "c"])).toBe("a, b and c");
    expect(joinNaturally(["a", "b", "c", "d"], "or")).toBe("a, b, c or d");
  });
});
