import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import type { SnippetContext } from "../kind";
import { decryptSecret, encryptSecret, isSealed } from "../secrets";
import { compareEnvironments, envConfigKind } from "./env-config";
import { parseEnvText } from "./env-config-parse";
import { mapSealedEnvConfig, maskEnvConfig, revealEnvConfig, sealEnvConfig } from "./env-config-secrets";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "app-env", environment: "production" };
const errorsOf = (text: string) => envConfigKind.policy({ text }, context).filter((i) => i.severity === "error");

describe("env_config kind: policy corpus", () => {
  const bad: [string, string, number | null, RegExp][] = [
    ["a lower-case key", "APP_ENV=production\ndb_host=db.internal", 2, /"db_host" is not a setting name: .* \(like DB_HOST\)/],
    ["a key starting with a digit", "1PASSWORD_URL=x", 1, /"1PASSWORD_URL" is not a setting name/],
    ["a dashed key", "\n\nAPI-URL=https://api", 3, /"API-URL" is not a setting name: .*API_URL/],
    ["a duplicate key", "PORT=3000\n# again\nPORT=3001", 3, /PORT is already set on line 1/],
    ["a secret duplicating a plain key", "TOKEN=a\nsecret TOKEN=b", 2, /TOKEN is already set on line 1/],
    ["a line without =", "APP_ENV production", 1, /Write KEY=value, or secret KEY=value/],
    ["a bare word", "APP_ENV=x\nexport", 2, /Write KEY=value/],
    ["a tab in a value", "GREETING=hello\tworld", 1, /value of GREETING must be one line, without tabs/],
    ["an empty secret", "secret DATABASE_PASSWORD=", 1, /The secret DATABASE_PASSWORD has no value/],
    ["a value too long", `BLOB=${"x".repeat(4097)}`, 1, /longer than 4096 characters/],
    ["too much text", `A=${"x".repeat(70 * 1024)}`, null, /larger than 64 KiB/],
    ["a misspelt secret keyword", "secrets API_TOKEN=abc", 1, /Write KEY=value/],
  ];
  for (const [name, text, line, message] of bad) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(text);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.line).toBe(line);
      expect(errors[0]!.message).toMatch(message);
    });
  }

  const good: [string, string][] = [
    ["plain settings with comments and blanks", "# the app\nAPP_ENV=production\n\nPORT=3000\n"],
    ["a secret", "secret DATABASE_PASSWORD=hunter2\nDATABASE_HOST=db.internal"],
    ["values with = and # and spaces inside", "DSN=postgres://app@db/app?sslmode=require#frag\nGREETING=hello world"],
    ["an empty plain value", "OPTIONAL_FLAG="],
    ["Windows line endings", "A=1\r\nB=2\r\n"],
    ["the starter", envConfigKind.starter.text],
  ];
  for (const [name, text] of good) {
    it(`accepts ${name}`, () => {
      expect(errorsOf(text)).toEqual([]);
    });
  }

  it("suggests marking secret-looking keys secret", () => {
    expect(envConfigKind.policy({ text: "APP_ENV=x\nSTRIPE_API_KEY=sk_live_1" }, context)).toEqual([
      { line: 2, severity: "warning", message: 'STRIPE_API_KEY looks like a secret; write "secret STRIPE_API_KEY=…" so it is stored encrypted and never shown again.' },
    ]);
  });

  it("parses keys, values and secrets with their lines", () => {
    expect(parseEnvText("# c\nA=1\n  secret B = x=y \n").entries).toEqual([
      { line: 2, key: "A", value: "1", secret: false },
      { line: 3, key: "B", value: " x=y ", secret: true },
    ]);
  });
});

describe("env_config kind: secrets", () => {
  const typed = { text: "# database\nDATABASE_HOST=db.internal\nsecret DATABASE_PASSWORD=hunter2\nsecret API_TOKEN=tok-123\n" };

  it("seals typed secrets, masks them for people, reveals them only for render", () => {
    const stored = sealEnvConfig(typed, null);
    expect(stored.text).not.toContain("hunter2");
    expect(stored.text).not.toContain("tok-123");
    const lines = stored.text.split("\n");
    expect(lines.slice(0, 2)).toEqual(["# database", "DATABASE_HOST=db.internal"]);
    expect(isSealed(lines[2]!.replace("secret DATABASE_PASSWORD=", ""))).toBe(true);

    const shown = maskEnvConfig(stored);
    expect(shown.text).toMatch(/^# database\nDATABASE_HOST=db.internal\nsecret DATABASE_PASSWORD=<secret:[0-9a-f]{8}>\nsecret API_TOKEN=<secret:[0-9a-f]{8}>\n$/);
    // What people see still passes the policy, line for line.
    expect(envConfigKind.policy(shown, context)).toEqual([]);
    expect(envConfigKind.policy(stored, context)).toEqual([]);

    expect(revealEnvConfig(stored)).toEqual(typed);
    expect(envConfigKind.secrets).toBeDefined();
  });

  it("keeps a secret left masked, and changes only the one retyped", () => {
    const stored = sealEnvConfig(typed, null);
    const shown = maskEnvConfig(stored).text;
    const edited = shown.replace("DATABASE_HOST=db.internal", "DATABASE_HOST=db2.internal").replace(/API_TOKEN=<secret:[0-9a-f]{8}>/, "API_TOKEN=tok-456");
    const next = sealEnvConfig({ text: edited }, stored);
    const [, , password, token] = next.text.split("\n");
    expect(password).toBe(stored.text.split("\n")[2]); // the same sealed bytes: no churn, same mask
    expect(token).not.toBe(stored.text.split("\n")[3]);
    expect(revealEnvConfig(next).text).toBe("# database\nDATABASE_HOST=db2.internal\nsecret DATABASE_PASSWORD=hunter2\nsecret API_TOKEN=tok-456\n");
    // The reviewer's view shows which secret changed without showing either value.
    expect(maskEnvConfig(next).text.split("\n")[2]).toBe(shown.split("\n")[2]);
    expect(maskEnvConfig(next).text.split("\n")[3]).not.toBe(shown.split("\n")[3]);
  });

  it("refuses masks it cannot resolve and sealed values typed by people", () => {
    const stored = sealEnvConfig(typed, null);
    const shown = maskEnvConfig(stored).text;
    expect(() => sealEnvConfig({ text: shown }, null)).toThrow(/hidden value of DATABASE_PASSWORD is not one Hostdesk still holds; type the secret again/);
    expect(() => sealEnvConfig({ text: "secret X=<secret>" }, stored)).toThrow(DomainError);
    expect(() => sealEnvConfig(stored, stored)).toThrow(/Line 3: DATABASE_PASSWORD looks like an already encrypted value/);
    expect(() => sealEnvConfig({ text: shown.replace("secret DATABASE_PASSWORD", "DATABASE_PASSWORD") }, stored)).toThrow(/Line 3: DATABASE_PASSWORD holds a hidden secret/);
  });

  it("replaces every sealed value, and only those (key rotation re-seals through it)", () => {
    const stored = sealEnvConfig(typed, null);
    const seen: string[] = [];
    const resealed = mapSealedEnvConfig(stored, (sealed) => {
      seen.push(sealed);
      return encryptSecret(decryptSecret(sealed));
    });
    expect(seen).toHaveLength(parseEnvText(typed.text).entries.filter((e) => e.secret).length);
    expect(resealed.text).not.toBe(stored.text);
    expect(revealEnvConfig(resealed)).toEqual(typed);
  });

  it("renders revealed content only: sorted keys, mode 0640, an owner note", () => {
    const stored = sealEnvConfig(typed, null);
    expect(() => envConfigKind.render(stored, context)).toThrow(/still hidden; render needs kind.secrets.reveal/);
    expect(() => envConfigKind.render(maskEnvConfig(stored), context)).toThrow(/still hidden/);
    const [file] = envConfigKind.render(envConfigKind.secrets!.reveal(stored), context);
    expect(file).toEqual({
      path: "etc/hostdesk/env/acme-app-env.env",
      mode: 0o640,
      content: [
        "# Settings of acme (snippet app-env, production), written by Hostdesk; edits made here are overwritten.",
        "# Owner root:app, mode 0640: readable by the application's account only.",
        "API_TOKEN=tok-123",
        "DATABASE_HOST=db.internal",
        "DATABASE_PASSWORD=hunter2",
        "",
      ].join("\n"),
    });
  });
});

describe("compareEnvironments", () => {
  it("lists the keys either side lacks, whatever the values", () => {
    const production = { text: "APP_ENV=production\nsecret DATABASE_PASSWORD=a\nSENTRY_DSN=x\nCDN_URL=y" };
    const staging = { text: "APP_ENV=staging\nDATABASE_PASSWORD=b\nDEBUG_TOOLBAR=1" };
    expect(compareEnvironments(production, staging)).toEqual({
      missingInStaging: ["CDN_URL", "SENTRY_DSN"],
      missingInProduction: ["DEBUG_TOOLBAR"],
      secretInOneOnly: ["DATABASE_PASSWORD"],
    });
    expect(compareEnvironments(production, production)).toEqual({ missingInStaging: [], missingInProduction: [], secretInOneOnly: [] });
  });
});
