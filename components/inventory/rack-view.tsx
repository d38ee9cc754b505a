import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { rackElevation } from "@/server/inventory/rack-units";
import { deviceStatusTone } from "./device-status-tone";

type RackedDevice = { id: string; name: string; kind: string; status: keyof typeof deviceStatusTone; rackUnit: number | null; heightUnits: number };

const unitRange = (top: number, bottom: number) => (top === bottom ? `U${top}` : `U${top}–U${bottom}`);

/** A rack from the top down: what fills which units, and the free runs between. */
export function RackView({ rack }: { rack: { name: string; units: number; devices: RackedDevice[] } }) {
  const placed = rack.devices.flatMap((d) => (d.rackUnit === null ? [] : [{ ...d, rackUnit: d.rackUnit }]));
  const unplaced = rack.devices.filter((d) => d.rackUnit === null);
  return (
    <section aria-label={`Rack ${rack.name}`} className="rounded-md border border-slate-200">
      <h3 className="border-b border-slate-100 px-3 py-2 text-sm font-semibold">
        Rack {rack.name} <span className="font-normal text-slate-500">· {rack.units} U</span>
      </h3>
      <Table caption={`Units of rack ${rack.name}`}>
        <thead>
          <tr>
            <Th>Units</Th>
            <Th>Device</Th>
          </tr>
        </thead>
        <tbody>
          {rackElevation(rack.units, placed).map((row) => (
            <tr key={`${row.top}-${row.device?.id ?? "free"}`}>
              <Td className="whitespace-nowrap tabular-nums text-slate-500">{unitRange(row.top, row.bottom)}</Td>
              <Td>
                {row.device ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/desk/inventory/devices/${row.device.id}`} className="text-brand-700 hover:underline">
                      {row.device.name}
                    </Link>
                    <span className="text-xs text-slate-500">{row.device.kind}</span>
                    {row.device.status !== "active" && <Badge tone={deviceStatusTone[row.device.status]}>{row.device.status}</Badge>}
                  </span>
                ) : (
                  <span className="text-slate-400">free</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {unplaced.length > 0 && (
        <p className="px-3 py-2 text-xs text-slate-600">
          In this rack without a recorded unit:{" "}
          {unplaced.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ", "}
              <Link href={`/desk/inventory/devices/${d.id}`} className="text-brand-700 hover:underline">
                {d.name}
              </Link>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
