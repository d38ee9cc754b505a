import type { SnippetContext, SnippetKind, ValidationIssue } from "./kind";

/** What was found in one revision's content, stored with it and shown to editor and reviewer. */
export type ValidationReport = { issues: ValidationIssue[]; errors: number; warnings: number };

export type CheckedContent =
  /** The content has the kind's shape: `content` is the schema's output, the form that is stored. */
  | { ok: true; content: unknown; report: ValidationReport }
  | { ok: false; report: ValidationReport };

const summarise = (issues: ValidationIssue[]): ValidationReport => ({
  issues,
  errors: issues.filter((i) => i.severity === "error").length,
  warnings: issues.filter((i) => i.severity === "warning").length,
});

/**
 * Checks content the way every path must: the kind's schema first (the shape), then its policy
 * (what a customer may not write). Pure and fast; the editor calls it on every pause in typing.
 */
export function checkContent(kind: SnippetKind, content: unknown, context: SnippetContext): CheckedContent {
  const parsed = kind.schema.safeParse(content);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue): ValidationIssue => ({
        line: null,
        message: issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
        severity: "error",
      }),
    );
    return { ok: false, report: summarise(issues) };
  }
  return { ok: true, content: parsed.data, report: summarise(kind.policy(parsed.data, context)) };
}

/** One line per error, for messages that refuse a submission. */
export function describeErrors(report: ValidationReport, limit = 5): string {
  const errors = report.issues.filter((i) => i.severity === "error");
  const lines = errors.slice(0, limit).map((i) => (i.line ? `line ${i.line}: ${i.message}` : i.message));
  if (errors.length > limit) lines.push(`…and ${errors.length - limit} more`);
  return lines.join("; ");
}
