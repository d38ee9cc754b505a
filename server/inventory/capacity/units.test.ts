import { describe, expect, it } from "vitest";
import { formatGb, formatMemory, formatPercent } from "./units";

describe("formatting sizes for messages", () => {
  it("shows memory in GiB when that is exact and in MiB when it is not", () => {
    expect(formatMemory(16 * 1024)).toBe("16 GiB");
    expect(formatMemory(1536)).toBe("1.5 GiB");
    expect(formatMemory(256)).toBe("0.25 GiB");
    expect(formatMemory(0)).toBe("0 GiB");
    expect(formatMemory(16 * 1024 + 1)).toBe("16385 MiB");
  });

  it("shows disks in GB and shares in percent with at most one decimal", () => {
    expect(formatGb(120)).toBe("120 GB");
    expect(formatGb(12.25)).toBe("12.3 GB");
    expect(formatPercent(0.4)).toBe("40 %");
    expect(formatPercent(0.405)).toBe("40.5 %");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("∞ %");
  });
});
