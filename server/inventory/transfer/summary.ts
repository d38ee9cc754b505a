/** The kinds of rows an import writes, in the order it writes them (parents before children). */
export const importSections = ["sites", "racks", "devices", "pools", "vms", "services", "dependencies", "backups"] as const;
export type ImportSection = (typeof importSections)[number];
export type ImportCounts = Record<ImportSection, number>;

/** What an import did, per kind of row. Also the `after` of its audit event. */
export type ImportSummary = { created: ImportCounts; updated: ImportCounts; unchanged: ImportCounts };

const zeroCounts = (): ImportCounts => ({ sites: 0, racks: 0, devices: 0, pools: 0, vms: 0, services: 0, dependencies: 0, backups: 0 });

export function emptySummary(): ImportSummary {
  return { created: zeroCounts(), updated: zeroCounts(), unchanged: zeroCounts() };
}
