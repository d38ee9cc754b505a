import { z } from "zod";
import type { SnippetContext, SnippetKind, ValidationIssue } from "../kind";
import { isSealed } from "../secrets";
import { controlCharacters } from "./control-characters";
import { parseEnvText } from "./env-config-parse";
import { type EnvConfigContent, envConfigSecrets, isMask } from "./env-config-secrets";
import { snippetFileStem } from "./host-file-name";
import { byLine, error, warning } from "./issue";

export type { EnvConfigContent } from "./env-config-secrets";

export const envKeyPattern = /^[A-Z_][A-Z0-9_]*$/;
export const envMaxBytes = 64 * 1024;
export const envMaxEntries = 500;
export const envMaxValueLength = 4096;
/**
 * The file is readable by root and the application's group only (mode 0640). HostFile carries no
 * owner, so the host's layout must give etc/hostdesk/env/ this owner and group; the header says so.
 */
export const envFileOwner = { user: "root", group: "app" } as const;
const looksSecret = /PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|API_KEY|ACCESS_KEY|CREDENTIAL/;

export const envFilePath = (context: SnippetContext) => `etc/hostdesk/env/${snippetFileStem(context)}.env`;

/** Policy on any form of the text: as typed (secrets in clear or masked) or as stored (sealed). */
function envPolicy(content: EnvConfigContent): ValidationIssue[] {
  if (Buffer.byteLength(content.text, "utf8") > envMaxBytes) return [error(null, `The settings are larger than ${envMaxBytes / 1024} KiB; keep large data in files.`)];
  const { entries, issues } = parseEnvText(content.text);
  if (entries.length > envMaxEntries) issues.push(error(null, `At most ${envMaxEntries} settings per snippet.`));
  const firstLine = new Map<string, number>();
  for (const entry of entries) {
    const { line, key, value, secret } = entry;
    if (!envKeyPattern.test(key)) {
      const suggestion = key.toUpperCase().replace(/[^A-Z0-9_]/g, "_").replace(/^(?=[0-9])/, "_");
      issues.push(error(line, `"${key}" is not a setting name: use upper case letters, digits and _, not starting with a digit (like ${suggestion}).`));
    }
    const first = firstLine.get(key);
    if (first !== undefined) issues.push(error(line, `${key} is already set on line ${first}; keep one of them.`));
    else firstLine.set(key, line);
    if (controlCharacters.test(value)) issues.push(error(line, `The value of ${key} must be one line, without tabs or other control characters.`));
    const hidden = isSealed(value) || isMask(value);
    if (!hidden && value.length > envMaxValueLength) issues.push(error(line, `The value of ${key} is longer than ${envMaxValueLength} characters.`));
    if (secret && value === "") issues.push(error(line, `The secret ${key} has no value; type it after the "=".`));
    if (!hidden && value !== value.trim()) issues.push(warning(line, `The value of ${key} starts or ends with spaces; they are part of the value.`));
    if (!secret && looksSecret.test(key) && value !== "") {
      issues.push(warning(line, `${key} looks like a secret; write "secret ${key}=…" so it is stored encrypted and never shown again.`));
    }
  }
  return byLine(issues);
}

function explainEnv(content: EnvConfigContent): string[] {
  const { entries } = parseEnvText(content.text);
  if (entries.length === 0) return ["No settings."];
  const secrets = entries.filter((e) => e.secret).length;
  return [`Sets ${entries.length} setting${entries.length === 1 ? "" : "s"}${secrets > 0 ? `, ${secrets} of them secret (stored encrypted, never shown again)` : ""}.`];
}

/**
 * `KEY=value` lines in key order (so the file, and its diff between environments, does not depend on
 * how the text was arranged), values exactly as typed. Needs revealed content: a sealed value or
 * a mask reaching a host would silently break the application, so render refuses both.
 */
function renderEnv(content: EnvConfigContent, context: SnippetContext) {
  const values = new Map<string, string>();
  for (const entry of parseEnvText(content.text).entries) {
    if (entry.secret && (isSealed(entry.value) || isMask(entry.value))) {
      throw new Error(`Line ${entry.line}: the secret ${entry.key} is still hidden; render needs kind.secrets.reveal(content) first.`);
    }
    if (controlCharacters.test(entry.value)) throw new Error(`Line ${entry.line}: the value of ${entry.key} is not one line.`);
    values.set(entry.key, entry.value);
  }
  const keys = [...values.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = [
    `# Settings of ${context.orgSlug} (snippet ${context.snippetSlug}, ${context.environment}), written by Hostdesk; edits made here are overwritten.`,
    `# Owner ${envFileOwner.user}:${envFileOwner.group}, mode 0640: readable by the application's account only.`,
    ...keys.map((key) => `${key}=${values.get(key)}`),
  ];
  return [{ path: envFilePath(context), content: `${lines.join("\n")}\n`, mode: 0o640 }];
}

export type EnvironmentDifference = {
  /** Keys production sets and staging does not. */
  missingInStaging: string[];
  /** Keys staging sets and production does not. */
  missingInProduction: string[];
  /** Keys both set, secret in one and plain in the other. */
  secretInOneOnly: string[];
};

/**
 * The structural difference between two environments' settings: which keys one has and the other
 * lacks. Values are not compared (they are meant to differ, and secrets cannot be read here), so
 * this works on stored, masked or typed content alike.
 */
export function compareEnvironments(production: EnvConfigContent, staging: EnvConfigContent): EnvironmentDifference {
  const keysOf = (content: EnvConfigContent) => new Map(parseEnvText(content.text).entries.map((e) => [e.key, e.secret]));
  const prod = keysOf(production);
  const stage = keysOf(staging);
  const sorted = (keys: string[]) => keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    missingInStaging: sorted([...prod.keys()].filter((k) => !stage.has(k))),
    missingInProduction: sorted([...stage.keys()].filter((k) => !prod.has(k))),
    secretInOneOnly: sorted([...prod.keys()].filter((k) => stage.has(k) && stage.get(k) !== prod.get(k))),
  };
}

export const envConfigKind: SnippetKind<EnvConfigContent> = {
  name: "env_config",
  title: "Application settings",
  description: "KEY=value settings for one environment of your application. Write secret KEY=value for passwords and tokens: they are stored encrypted and never shown again.",
  editor: "text",
  language: "properties",
  defaultMode: "review",
  schema: z.object({ text: z.string().max(envMaxBytes * 4, "The settings are far too large.") }),
  starter: { text: "# One setting per line. Put secret in front of passwords and tokens.\nAPP_ENV=production\nsecret DATABASE_PASSWORD=change-me\n" },
  policy: (content) => envPolicy(content),
  explain: explainEnv,
  render: renderEnv,
  // The application parses the file when it starts; the policy is exactly its grammar.
  stagedCheck: null,
  // Read when the application starts; restarting it is the application's deployment, not a reload.
  reload: null,
  secrets: envConfigSecrets,
};
