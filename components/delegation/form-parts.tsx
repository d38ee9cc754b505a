import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useId } from "react";
import { cn } from "@/components/ui/cn";

const control = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

/** A small labelled input for rows of a snippet form; the label names the row too ("Schedule of job 2"). */
export function RowInput({ label, className, ...props }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input id={id} className={cn(control, props.type === "checkbox" && "h-4 w-4")} {...props} />
    </div>
  );
}

export function RowSelect({ label, className, children, ...props }: { label: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} className={control} {...props}>
        {children}
      </select>
    </div>
  );
}

/** A fieldset per row, so each group of fields is announced with its name. */
export function RowGroup({ legend, onRemove, removeLabel, children, note }: { legend: string; onRemove?: () => void; removeLabel: string; children: ReactNode; note?: ReactNode }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap items-end gap-3">
        {children}
        {onRemove && (
          <button type="button" onClick={onRemove} aria-label={removeLabel} className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50">
            Remove
          </button>
        )}
      </div>
      {note && <p className="mt-2 text-sm text-slate-600">{note}</p>}
    </fieldset>
  );
}

/** Replaces item `i` of a list with a patched copy: rows are edited immutably. */
export function patchAt<T>(list: readonly T[], i: number, patch: Partial<T>): T[] {
  return list.map((item, j) => (j === i ? { ...item, ...patch } : item));
}
