import { capacityPolicy } from "./policy";
import { isAboveLimit, shareOf } from "./ratio";
import { formatGb, formatPercent } from "./units";

export interface BackupServerDisk {
  diskGb: number;
}

export interface BackupJobSize {
  /** Size of the last full copy; null until the job has run once. */
  lastSizeGb: number | null;
  retentionDays: number;
}

export interface BackupServerUsage {
  capacityGb: number;
  estimatedStoredGb: number;
  freeGb: number;
  shareUsed: number;
  aboveLimit: boolean;
  /** Jobs that never reported a size: the estimate leaves them out, so it is too low by their share. */
  jobsWithoutSize: number;
  explanation: string;
}

/**
 * The storage model behind the estimate, kept deliberately simple: each job keeps one full copy
 * (`lastSizeGb`) plus one incremental per further day of retention, and each incremental holds the
 * data that changed that day, taken to be a fixed share of the full copy. Real change rates vary by
 * workload; 5 % a day is a common planning figure for mostly-static web and database VMs.
 */
export const backupRetentionModel = {
  dailyChangeShare: 0.05,
} as const;

/** How many full-copy sizes a job occupies: `1 + (retentionDays − 1) × dailyChangeShare`. */
export function retentionFactor(retentionDays: number): number {
  const incrementals = Math.max(0, Math.floor(retentionDays) - 1);
  return 1 + incrementals * backupRetentionModel.dailyChangeShare;
}

/** Estimated use of a backup server from the jobs that write to it. */
export function backupServerUsage(device: BackupServerDisk, backups: readonly BackupJobSize[]): BackupServerUsage {
  let estimatedStoredGb = 0;
  let jobsWithoutSize = 0;
  for (const backup of backups) {
    if (backup.lastSizeGb === null) {
      jobsWithoutSize += 1;
      continue;
    }
    estimatedStoredGb += backup.lastSizeGb * retentionFactor(backup.retentionDays);
  }
  const shareUsed = shareOf(estimatedStoredGb, device.diskGb);
  const aboveLimit = isAboveLimit(shareUsed, capacityPolicy.backupServerMaxUse);
  const freeGb = Math.max(0, device.diskGb - estimatedStoredGb);
  return {
    capacityGb: device.diskGb,
    estimatedStoredGb,
    freeGb,
    shareUsed,
    aboveLimit,
    jobsWithoutSize,
    explanation: explain({ capacityGb: device.diskGb, estimatedStoredGb, shareUsed, aboveLimit, jobsWithoutSize }),
  };
}

function explain(usage: Pick<BackupServerUsage, "capacityGb" | "estimatedStoredGb" | "shareUsed" | "aboveLimit" | "jobsWithoutSize">): string {
  const limitPercent = formatPercent(capacityPolicy.backupServerMaxUse);
  const parts = [
    `About ${formatPercent(usage.shareUsed)} used (${formatGb(Math.round(usage.estimatedStoredGb))} of ${formatGb(usage.capacityGb)}), ` +
      `estimated as one full copy per job plus ${formatPercent(backupRetentionModel.dailyChangeShare)} of it for each further day kept.`,
  ];
  if (usage.aboveLimit) {
    parts.push(`That is above the ${limitPercent} limit: move some jobs to another backup server or shorten their retention.`);
  }
  if (usage.jobsWithoutSize > 0) {
    const jobs = usage.jobsWithoutSize === 1 ? "1 job has" : `${usage.jobsWithoutSize} jobs have`;
    parts.push(`${jobs} not run yet and ${usage.jobsWithoutSize === 1 ? "is" : "are"} not counted.`);
  }
  return parts.join(" ");
}
