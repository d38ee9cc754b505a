import { z } from "zod";
import type { SnippetContext, SnippetKind, ValidationIssue } from "../kind";
import { controlCharacters } from "./control-characters";
import { snippetFileStem } from "./host-file-name";
import { error, warning } from "./issue";

export const featureMaxSwitches = 100;
export const featureMaxDescriptionLength = 200;
/** snake_case or kebab-case, starting with a letter: names the application looks up as written. */
export const featureNamePattern = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;

const switchSchema = z.object({ enabled: z.boolean(), description: z.string().max(featureMaxDescriptionLength * 4).optional() });
export type FeatureSwitch = z.infer<typeof switchSchema>;
export type FeaturesContent = { switches: Record<string, FeatureSwitch> };

export const featuresFilePath = (context: SnippetContext) => `etc/hostdesk/features/${snippetFileStem(context)}.json`;

function featuresPolicy(content: FeaturesContent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const names = Object.keys(content.switches).sort();
  if (names.length > featureMaxSwitches) issues.push(error(null, `At most ${featureMaxSwitches} switches per snippet.`));
  const spellings = new Map<string, string>();
  for (const name of names) {
    if (name.length > 64) issues.push(error(null, `"${name.slice(0, 64)}…" is longer than 64 characters.`));
    else if (!featureNamePattern.test(name)) {
      issues.push(error(null, `"${name}" is not a switch name: use lowercase letters and digits, joined by _ or -, starting with a letter (like new_checkout).`));
    }
    // new-checkout and new_checkout read as one switch to people; only one of them would work.
    const folded = name.replace(/-/g, "_");
    const other = spellings.get(folded);
    if (other !== undefined) issues.push(error(null, `"${name}" and "${other}" differ only in - and _; keep one of them.`));
    else spellings.set(folded, name);
    const description = content.switches[name]!.description ?? "";
    if (controlCharacters.test(description)) issues.push(error(null, `The description of "${name}" must be one line.`));
    if (description.length > featureMaxDescriptionLength) issues.push(error(null, `The description of "${name}" is longer than ${featureMaxDescriptionLength} characters.`));
  }
  if (names.length === 0) issues.push(warning(null, "No switches yet: the application will see an empty set."));
  return issues;
}

function explainFeatures(content: FeaturesContent): string[] {
  const names = Object.keys(content.switches).sort();
  if (names.length === 0) return ["No switches."];
  return names.map((name) => {
    const s = content.switches[name]!;
    return `${name} is ${s.enabled ? "on" : "off"}${s.description ? `: ${s.description}` : ""}.`;
  });
}

/**
 * `{ "name": true }` with keys sorted, two-space indent and a final newline: what the application
 * reads at run time. Descriptions are for people and stay in Hostdesk.
 */
function renderFeatures(content: FeaturesContent, context: SnippetContext) {
  const sorted = Object.fromEntries(
    Object.keys(content.switches)
      .sort()
      .map((name) => [name, content.switches[name]!.enabled]),
  );
  return [{ path: featuresFilePath(context), content: `${JSON.stringify(sorted, null, 2)}\n`, mode: 0o644 }];
}

export const featuresKind: SnippetKind<FeaturesContent> = {
  name: "features",
  title: "Feature switches",
  description: "Turn features of your application on or off without a deployment; the application reads them while it runs.",
  editor: "form",
  language: null,
  defaultMode: "auto",
  schema: z.object({ switches: z.record(z.string().max(200), switchSchema) }),
  starter: { switches: { new_checkout: { enabled: false, description: "The redesigned checkout page" } } },
  policy: (content) => featuresPolicy(content),
  explain: explainFeatures,
  render: renderFeatures,
  // JSON written from a parsed object cannot be malformed, and the application validates the names it knows.
  stagedCheck: null,
  // The application re-reads the file while it runs (its cache expires); no daemon to tell.
  reload: null,
};
