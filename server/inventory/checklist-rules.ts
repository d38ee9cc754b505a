/**
 * The production-ready checklist of a service. Some items the model can verify by itself (is there a
 * monitoring agent on the VM, a recent backup); the rest only a person can confirm, and staff tick
 * them with their name and the time.
 */
export const checklistItemKeys = ["log_rotation", "db_maintenance", "startup_shutdown", "process_monitoring", "port_monitoring", "backups"] as const;
export type ChecklistItemKey = (typeof checklistItemKeys)[number];

export const manualItems: readonly ChecklistItemKey[] = ["log_rotation", "db_maintenance", "startup_shutdown"];

const labels: Record<ChecklistItemKey, string> = {
  log_rotation: "Logs are rotated",
  db_maintenance: "Database maintenance is scheduled",
  startup_shutdown: "Starts and stops cleanly with the server",
  process_monitoring: "Processes are monitored",
  port_monitoring: "Ports are monitored",
  backups: "Backed up",
};

const databaseKinds = new Set(["postgresql", "mysql", "mariadb", "mongodb", "redis"]);
/** A nightly backup that ran within the last day and a half is current; older means a night was missed. */
export const BACKUP_FRESH_HOURS = 36;

export type ChecklistState = "done" | "open" | "not_applicable";
export type ChecklistEntry = {
  item: ChecklistItemKey;
  label: string;
  verifiedBy: "model" | "staff";
  state: ChecklistState;
  note: string | null;
  checkedBy: string | null;
  checkedAt: Date | null;
};

export type ChecklistFacts = {
  service: { kind: string; ports: number[] };
  vmHasMonitoringAgent: boolean;
  lastBackupAt: Date | null;
  ticks: ReadonlyMap<string, { checkedBy: string; checkedAt: Date }>;
  now: Date;
};

function hoursAgo(date: Date, now: Date): string {
  const hours = Math.round((now.getTime() - date.getTime()) / 3_600_000);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}

export function serviceChecklist(facts: ChecklistFacts): ChecklistEntry[] {
  const isMonitoringAgent = facts.service.kind === "monitoring";
  const entry = (item: ChecklistItemKey, verifiedBy: "model" | "staff", state: ChecklistState, note: string | null = null): ChecklistEntry => {
    const tick = facts.ticks.get(item);
    return { item, label: labels[item], verifiedBy, state, note, checkedBy: tick?.checkedBy ?? null, checkedAt: tick?.checkedAt ?? null };
  };
  const manual = (item: ChecklistItemKey, applicable = true) =>
    entry(item, "staff", !applicable ? "not_applicable" : facts.ticks.has(item) ? "done" : "open");

  const backup = facts.lastBackupAt;
  const backupFresh = backup !== null && facts.now.getTime() - backup.getTime() <= BACKUP_FRESH_HOURS * 3_600_000;
  return [
    manual("log_rotation"),
    manual("db_maintenance", databaseKinds.has(facts.service.kind)),
    manual("startup_shutdown"),
    entry(
      "process_monitoring",
      "model",
      isMonitoringAgent ? "not_applicable" : facts.vmHasMonitoringAgent ? "done" : "open",
      facts.vmHasMonitoringAgent || isMonitoringAgent ? null : "No monitoring agent runs on this server.",
    ),
    entry(
      "port_monitoring",
      "model",
      facts.service.ports.length === 0 || isMonitoringAgent ? "not_applicable" : facts.vmHasMonitoringAgent ? "done" : "open",
      facts.service.ports.length && !facts.vmHasMonitoringAgent && !isMonitoringAgent ? `Ports ${facts.service.ports.join(", ")} are not watched.` : null,
    ),
    entry(
      "backups",
      "model",
      backupFresh ? "done" : "open",
      backup ? `Last successful backup ${hoursAgo(backup, facts.now)}.` : "No backup is set up for this server.",
    ),
  ];
}
