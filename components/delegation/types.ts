import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

type Delegation = inferRouterOutputs<AppRouter>["delegation"];

/** What the delegation router answers, as the UI receives it (superjson keeps dates as dates). */
export type SnippetDetail = Delegation["snippets"]["get"];
export type SnippetRevision = SnippetDetail["revisions"][number];
export type SnippetSummary = Delegation["snippets"]["list"][number];
export type GrantRow = Delegation["grants"]["list"][number];
export type KindInfo = Delegation["kinds"][number];
export type ValidationResult = Delegation["validateDraft"];
export type ValidationIssue = ValidationResult["issues"][number];
export type QueueItem = Delegation["approvalsQueue"][number];
export type RolloutDetail = Delegation["rollout"]["get"];
export type RolloutHost = RolloutDetail["hosts"][number];
export type RevisionStatus = SnippetRevision["status"];
