import { cn } from "./cn";

/**
 * A horizontal bar of how full something is, with an optional limit marker (the 40 % rule, the
 * overcommit policy). Colour says the state; the text label says it in words for every reader.
 */
export function UsageBar({ share, limit, label, detail }: { share: number; limit?: number; label: string; detail: string }) {
  const over = limit !== undefined ? share > limit : share > 1;
  const near = !over && (limit !== undefined ? share > limit * 0.85 : share > 0.85);
  const width = Math.min(100, Math.max(0, share * 100));
  return (
    <div>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span className={cn("tabular-nums", over && "font-semibold text-red-700")}>{detail}</span>
      </div>
      <div
        className="relative mt-1 h-2.5 w-full overflow-hidden rounded bg-slate-100"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-valuetext={detail}
      >
        <div className={cn("h-full rounded", over ? "bg-red-500" : near ? "bg-amber-400" : "bg-emerald-500")} style={{ width: `${width}%` }} />
        {limit !== undefined && limit < 1 && <div className="absolute inset-y-0 w-0.5 bg-slate-700" style={{ left: `${limit * 100}%` }} title="limit" />}
      </div>
    </div>
  );
}
