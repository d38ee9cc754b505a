import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const control =
  "mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";

type Labelled = { label: string; unit?: string; hint?: ReactNode; error?: string };

function Label({ htmlFor, label, unit }: { htmlFor: string; label: string; unit?: string }) {
  return (
    <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-700">
      {label}
      {unit && <span className="font-normal text-slate-500"> ({unit})</span>}
    </label>
  );
}

function Note({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  if (error)
    return (
      <p id={id} className="mt-0.5 text-xs text-red-700">
        {error}
      </p>
    );
  if (hint)
    return (
      <p id={id} className="mt-0.5 text-xs text-slate-500">
        {hint}
      </p>
    );
  return null;
}

/**
 * A dense labelled text input for numbers and names. Numbers are typed as text (inputMode keeps
 * the numeric keypad): a browser number field silently empties "abc", and the person should see
 * what they typed next to the reason it does not work.
 */
export function CompactField({ label, unit, hint, error, className, ...props }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={cn("min-w-0", className)}>
      <Label htmlFor={id} label={label} unit={unit} />
      <input id={id} type="text" className={control} aria-invalid={Boolean(error)} aria-describedby={error || hint ? `${id}-note` : undefined} {...props} />
      <Note id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

export function CompactSelect({ label, unit, hint, error, className, children, ...props }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={cn("min-w-0", className)}>
      <Label htmlFor={id} label={label} unit={unit} />
      <select id={id} className={control} aria-invalid={Boolean(error)} aria-describedby={error || hint ? `${id}-note` : undefined} {...props}>
        {children}
      </select>
      <Note id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

export function CompactCheckbox({ label, className, ...props }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={cn("flex items-center gap-2 text-xs text-slate-700", className)}>
      <input id={id} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...props} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A titled group of fields; the legend names the group for screen readers and for tests. */
export function FieldGroup({ legend, error, children, className, actions }: { legend: string; error?: string; children: ReactNode; className?: string; actions?: ReactNode }) {
  return (
    <fieldset className={cn("min-w-0 rounded-md border border-slate-200 bg-white p-3", className)}>
      <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
      {actions && <div className="-mt-1 mb-2 flex justify-end gap-2">{actions}</div>}
      {children}
      {error && <p className="mt-2 text-xs text-red-700">{error}</p>}
    </fieldset>
  );
}
