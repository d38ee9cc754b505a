import type { GrantRow, SnippetDetail } from "./types";

/**
 * Whether a grant reaches a snippet, judged from what the pages already have (the snippet's scope
 * and hosts). Mirrors scopeCovers in server/delegation/scope.ts for labels only; the server decides.
 */
export function grantCoversSnippet(grant: Pick<GrantRow, "scope">, snippet: Pick<SnippetDetail, "scope" | "hosts">): boolean {
  const scope = grant.scope;
  switch (scope.type) {
    case "org":
      return true;
    case "environment":
      if (snippet.scope.type === "environment") return snippet.scope.environment === scope.environment;
      return snippet.scope.type !== "org" && snippet.hosts.length > 0 && snippet.hosts.every((h) => h.environment === scope.environment);
    case "vm":
      return (snippet.scope.type === "vm" && snippet.scope.vmId === scope.vmId) || (snippet.scope.type === "service" && snippet.hosts[0]?.vmId === scope.vmId);
    case "service":
      return snippet.scope.type === "service" && snippet.scope.serviceId === scope.serviceId;
  }
}
