import { describe, expect, it } from "vitest";
import { backupRetentionModel, backupServerUsage, retentionFactor } from "./backup-server";

describe("backup server estimate", () => {
  it("counts one full copy plus a daily incremental for each further day kept", () => {
    expect(backupRetentionModel.dailyChangeShare).toBe(0.05);
    expect(retentionFactor(1)).toBe(1);
    expect(retentionFactor(0)).toBe(1);
    expect(retentionFactor(14)).toBeCloseTo(1.65);
    expect(retentionFactor(30)).toBeCloseTo(2.45);
  });

  it("sums the jobs, leaves out those that never ran and says so", () => {
    const usage = backupServerUsage({ diskGb: 1000 }, [
      { lastSizeGb: 100, retentionDays: 14 },
      { lastSizeGb: 200, retentionDays: 1 },
      { lastSizeGb: null, retentionDays: 7 },
    ]);
    expect(usage.estimatedStoredGb).toBeCloseTo(365);
    expect(usage.shareUsed).toBeCloseTo(0.365);
    expect(usage.freeGb).toBeCloseTo(635);
    expect(usage.aboveLimit).toBe(false);
    expect(usage.jobsWithoutSize).toBe(1);
    expect(usage.explanation).toBe(
      "About 36.5 % used (365 GB of 1000 GB), estimated as one full copy per job plus 5 % of it for each further day kept. " +
        "1 job has not run yet and is not counted.",
    );
  });

  it("accepts exactly 80 % and flags anything above with what to do", () => {
    expect(backupServerUsage({ diskGb: 100 }, [{ lastSizeGb: 80, retentionDays: 1 }]).aboveLimit).toBe(false);
    const above = backupServerUsage({ diskGb: 100 }, [{ lastSizeGb: 81, retentionDays: 1 }]);
    expect(above.aboveLimit).toBe(true);
    expect(above.explanation).toContain("above the 80 % limit: move some jobs to another backup server or shorten their retention.");
  });

  it("treats a backup server without disk as full once any job has data", () => {
    expect(backupServerUsage({ diskGb: 0 }, []).aboveLimit).toBe(false);
    expect(backupServerUsage({ diskGb: 0 }, [{ lastSizeGb: 1, retentionDays: 7 }]).aboveLimit).toBe(true);
  });
});
