import { describe, expect, it } from "vitest";
import { storagePoolUsage } from "./storage-pool";

describe("storagePoolUsage and the 40 % rule", () => {
  it("adds the reserved space to the VM disks", () => {
    const usage = storagePoolUsage({ capacityGb: 1000, reservedGb: 50 }, [100, 150]);
    expect(usage).toMatchObject({ vmDisksGb: 250, usedGb: 300, freeGb: 700, shareUsed: 0.3, limitGb: 400, aboveRestoreLimit: false });
  });

  it("accepts a pool at exactly 40 % and explains why the limit exists", () => {
    const usage = storagePoolUsage({ capacityGb: 1000, reservedGb: 100 }, [100, 200]);
    expect(usage.shareUsed).toBe(0.4);
    expect(usage.aboveRestoreLimit).toBe(false);
    expect(usage.restoreHeadroomGb).toBe(600);
    expect(usage.explanation).toBe(
      "40 % used (400 GB of 1000 GB). Pools are kept at or below 40 % so that a backup can be restored next to the running copy; " +
        "600 GB is free for restores.",
    );
  });

  it("flags a pool one GB above 40 % and says how much to move", () => {
    const usage = storagePoolUsage({ capacityGb: 1000, reservedGb: 100 }, [100, 201]);
    expect(usage.aboveRestoreLimit).toBe(true);
    expect(usage.restoreHeadroomGb).toBe(599);
    expect(usage.explanation).toBe(
      "40.1 % used (401 GB of 1000 GB), above the 40 % limit: restoring a backup next to the running copy may not fit " +
        "(599 GB free). Move or shrink 1 GB of VM disks to get back under the limit.",
    );
  });

  it("does not flag a pool at its limit because of floating point (0.4 × 35 is not exactly 14)", () => {
    expect(storagePoolUsage({ capacityGb: 35, reservedGb: 0 }, [14]).aboveRestoreLimit).toBe(false);
    expect(storagePoolUsage({ capacityGb: 3, reservedGb: 0 }, [1.2]).aboveRestoreLimit).toBe(false);
  });

  it("reports an overfull pool with no restore headroom", () => {
    const usage = storagePoolUsage({ capacityGb: 100, reservedGb: 30 }, [120]);
    expect(usage.shareUsed).toBe(1.5);
    expect(usage.aboveRestoreLimit).toBe(true);
    expect(usage.restoreHeadroomGb).toBe(0);
    expect(usage.explanation).toContain("Move or shrink 110 GB of VM disks");
  });
});
