/**
 * Errors the domain raises on purpose. Routers map them to tRPC codes; the message is written for
 * the person who will read it and says what to do.
 */
export type DomainErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") => new DomainError("FORBIDDEN", message);
export const conflict = (message: string) => new DomainError("CONFLICT", message);
export const badRequest = (message: string) => new DomainError("BAD_REQUEST", message);

/** Postgres unique_violation, so callers can turn a race into a clear message instead of a 500. */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return typeof cause === "object" && cause !== null && (cause as { code?: string }).code === "23505";
}
