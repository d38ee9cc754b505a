/** Rack positions: a device stands on its lowest unit (counted from 1 at the bottom) and fills `heightUnits` upwards. */

export type Rack = { name: string; units: number };
export type PlacedDevice = { name: string; rackUnit: number; heightUnits: number };

/** The highest unit a device fills. */
export function topUnit(device: Pick<PlacedDevice, "rackUnit" | "heightUnits">): number {
  return device.rackUnit + device.heightUnits - 1;
}

function unitRange(bottom: number, top: number): string {
  return bottom === top ? `U${bottom}` : `U${bottom}–U${top}`;
}

/**
 * Why a device cannot stand at this position, or null when it can. Two devices cannot share a unit
 * and nothing sticks out of the top of the rack: either would make the recorded layout a fiction.
 */
export function rackPlacementProblem(rack: Rack, device: PlacedDevice, others: readonly PlacedDevice[]): string | null {
  if (device.heightUnits > rack.units) {
    return `${device.name} is ${device.heightUnits} units high and rack ${rack.name} only ${rack.units}: choose a taller rack.`;
  }
  const top = topUnit(device);
  if (top > rack.units) {
    const highest = rack.units - device.heightUnits + 1;
    return `At U${device.rackUnit} ${device.name} would reach U${top}, but rack ${rack.name} has ${rack.units} units: choose U${highest} or lower.`;
  }
  const clash = others.find((other) => other.rackUnit <= top && topUnit(other) >= device.rackUnit);
  if (clash) {
    return `${unitRange(clash.rackUnit, topUnit(clash))} of rack ${rack.name} already hold ${clash.name}: choose free units for ${device.name}.`;
  }
  return null;
}

export type ElevationRow<D> = { top: number; bottom: number } & ({ device: D } | { device: null });

/**
 * The rack from the top down as people read a rack diagram: each device with the units it fills, and
 * the free runs between them. Overlapping devices (only possible in imported data) are listed in turn.
 */
export function rackElevation<D extends Pick<PlacedDevice, "rackUnit" | "heightUnits">>(units: number, placed: readonly D[]): ElevationRow<D>[] {
  const rows: ElevationRow<D>[] = [];
  let nextFree = units;
  for (const device of [...placed].sort((a, b) => topUnit(b) - topUnit(a))) {
    const top = topUnit(device);
    if (top < nextFree) rows.push({ top: nextFree, bottom: top + 1, device: null });
    rows.push({ top, bottom: device.rackUnit, device });
    nextFree = Math.min(nextFree, device.rackUnit - 1);
  }
  if (nextFree >= 1) rows.push({ top: nextFree, bottom: 1, device: null });
  return rows;
}
