/** Only same-site paths may be a post-sign-in destination, so the login page cannot be an open redirect. */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
