import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

type Labelled = { label: string; hint?: ReactNode; error?: string };

/** A labelled input; its error is announced and tied to the control with aria-describedby. */
export function TextField({ label, hint, error, className, ...props }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={id} className={control} aria-invalid={Boolean(error)} aria-describedby={error || hint ? `${id}-note` : undefined} {...props} />
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({ label, hint, error, className, children, ...props }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} className={control} aria-invalid={Boolean(error)} aria-describedby={error || hint ? `${id}-note` : undefined} {...props}>
        {children}
      </select>
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

function FieldNote({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  if (error)
    return (
      <p id={id} role="alert" className="mt-1 text-sm text-red-700">
        {error}
      </p>
    );
  if (hint)
    return (
      <p id={id} className={cn("mt-1 text-xs text-slate-500")}>
        {hint}
      </p>
    );
  return null;
}
