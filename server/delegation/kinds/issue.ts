import type { ValidationIssue } from "../kind";

/** An issue that blocks the snippet; `line` is 1-based in the editor's text, null for form kinds. */
export const error = (line: number | null, message: string): ValidationIssue => ({ line, message, severity: "error" });

/** An issue worth a reviewer's look that does not block the snippet. */
export const warning = (line: number | null, message: string): ValidationIssue => ({ line, message, severity: "warning" });

/** Issues in line order (file-level ones first), so editor gutter and list read the same way. */
export const byLine = (issues: ValidationIssue[]): ValidationIssue[] =>
  issues.map((issue, index) => ({ issue, index })).sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.index - b.index).map(({ issue }) => issue);
