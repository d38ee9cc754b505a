/** The message a tRPC error carries for people; the server writes it to say what to do. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong. Try again.";
}
