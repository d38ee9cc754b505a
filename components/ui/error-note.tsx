import { cn } from "./cn";
import { errorMessage } from "./error-message";

/** A failed action's message, announced to screen readers; nothing when there is no error. */
export function ErrorNote({ error, className }: { error: unknown; className?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className={cn("text-sm text-red-700", className)}>
      {errorMessage(error)}
    </p>
  );
}
