import type { z } from "zod";

/**
 * What a snippet kind is. Kinds live in code (the registry in `./kinds/registry.ts`), not in the
 * database: each one declares how customers edit it, what they may not write, where it lands on a
 * host, and which real tool proves it before anything goes live.
 */
export const snippetKindNames = ["nginx", "cron", "firewall", "features", "supervisor", "env_config"] as const;
export type SnippetKindName = (typeof snippetKindNames)[number];

/** A problem found in a snippet; `line` is 1-based in the editor's text where the kind has text. */
export type ValidationIssue = { line: number | null; message: string; severity: "error" | "warning" };

/** Who owns the snippet and where it goes: policy needs the customer's own paths and the environment. */
export type SnippetContext = {
  orgSlug: string;
  /** The snippet's own slug, unique per org and kind; file names derive from it. */
  snippetSlug: string;
  environment: "production" | "staging" | "development";
};

/** One file on a host, relative to the host's root (no leading slash), with its exact bytes. */
export type HostFile = { path: string; content: string; mode: number };

/**
 * How a host proves its staged configuration: the directory to copy into a staging tree, the files
 * placed into that copy, and the command run against it. `{stage}` in the argv is replaced by the
 * staging tree's root. The command runs on the host itself (locally, or over SSH).
 */
export type StagedCheck = { copyDir: string; argv: string[] };

/**
 * How a kind keeps secret values out of storage and out of sight. Only kinds whose content can hold
 * secrets have it (env_config); for every other kind stored, shown and rendered content are the same.
 * The three forms of such content: as typed (secrets in clear, or masks the editor showed), as stored
 * (secrets sealed), and as rendered (secrets in clear again, only in the rollout, only in memory).
 */
export interface SecretHandling<Content> {
  /**
   * Typed content to the form that is stored: new secret values are sealed; a mask left untouched
   * keeps the sealed value it stands for in `previous` (the stored content it was edited from).
   * Throws a BAD_REQUEST DomainError that says what to retype when a mask no longer matches.
   */
  seal(content: Content, previous: Content | null): Content;
  /** Stored content to the form any person may see: each sealed value replaced by a mask naming it. */
  mask(content: Content): Content;
  /** Stored content to the form `render` needs: sealed values opened. Call it just before `render`. */
  reveal(content: Content): Content;
  /** Stored content with each sealed value replaced by `replace(sealed)`: key rotation re-seals through it. */
  mapSealed(content: Content, replace: (sealed: string) => string): Content;
}

export interface SnippetKind<Content = unknown> {
  name: SnippetKindName;
  /** Plain words for customers and staff. */
  title: string;
  description: string;
  editor: "text" | "form";
  /** CodeMirror language for text editors; null where none fits. */
  language: "nginx" | "shell" | "properties" | null;
  defaultMode: "review" | "auto";
  /** The stored content of a revision. Text kinds store `{ text }`. */
  schema: z.ZodType<Content>;
  /** What a new snippet of this kind starts with. */
  starter: Content;
  /** Policy a customer must keep; pure and fast, run on every keystroke (debounced) and on submit. */
  policy(content: Content, context: SnippetContext): ValidationIssue[];
  /** Plain-language lines about the content, e.g. "every day at 03:15". */
  explain(content: Content): string[];
  /**
   * The files this snippet contributes to a host. Deterministic: same input, same bytes. Pure: kinds
   * with `secrets` expect revealed content (`secrets.reveal(stored)`), so render never holds a key.
   */
  render(content: Content, context: SnippetContext): HostFile[];
  /** The real tool's check of the host's staged configuration, or null where the schema is the check. */
  stagedCheck: StagedCheck | null;
  /** The command that makes the daemon pick up new files, shown to reviewers; null if read at run time. */
  reload: string[] | null;
  /** Present only where content can hold secret values; see SecretHandling. */
  secrets?: SecretHandling<Content>;
}
