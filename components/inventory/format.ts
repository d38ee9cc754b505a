export { formatGb as formatDisk, formatMemory, formatPercent } from "@/server/inventory/capacity/units";

export const environmentLabels = { production: "Production", staging: "Staging", development: "Development" } as const;
