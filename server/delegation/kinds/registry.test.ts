import { describe, expect, it } from "vitest";
import { type SnippetContext, type SnippetKind, snippetKindNames } from "../kind";
import { kindOf, snippetKinds } from "./registry";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "main", environment: "production" };

/** Content for render: each kind's starter, with secrets sealed and revealed the way the rollout does it. */
function renderable(kind: SnippetKind): unknown {
  const stored = kind.secrets ? kind.secrets.seal(kind.starter, null) : kind.starter;
  return kind.secrets ? kind.secrets.reveal(stored) : stored;
}

/** The same object with its keys in reverse order, at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
}

describe("the snippet-kind registry", () => {
  it("has one kind per name, each under its own name", () => {
    expect(Object.keys(snippetKinds).sort()).toEqual([...snippetKindNames].sort());
    for (const name of snippetKindNames) expect(kindOf(name).name).toBe(name);
    expect(() => kindOf("ftp" as never)).toThrow(/No snippet kind is named "ftp"/);
  });

  for (const name of snippetKindNames) {
    describe(name, () => {
      const kind = kindOf(name);

      it("starts new snippets with content that fits the schema and passes the policy", () => {
        expect(kind.schema.safeParse(kind.starter).success).toBe(true);
        expect(kind.policy(kind.starter, context).filter((i) => i.severity === "error")).toEqual([]);
        expect(kind.explain(kind.starter).length).toBeGreaterThan(0);
      });

      it("renders deterministically: twice, and with keys in another order, the same bytes", () => {
        const content = renderable(kind);
        const first = kind.render(content, context);
        expect(kind.render(content, context)).toEqual(first);
        expect(kind.render(structuredClone(content), context)).toEqual(first);
        expect(kind.render(reverseKeys(kind.schema.parse(reverseKeys(content))), context)).toEqual(first);
        expect(first.length).toBeGreaterThan(0);
        for (const file of first) {
          expect(file.path).not.toMatch(/^\/|\.\.|\/\//);
          expect(file.path).toContain("acme-main");
          expect(file.content.endsWith("\n")).toBe(true);
        }
      });

      it("renders into each organisation's own files", () => {
        const content = renderable(kind);
        const a = kind.render(content, context).map((f) => f.path);
        const b = kind.render(content, { ...context, orgSlug: "beta" }).map((f) => f.path);
        expect(a.filter((p) => b.includes(p))).toEqual([]);
      });

      it("describes itself for editors and reviewers", () => {
        expect(kind.title).not.toBe("");
        expect(kind.description.length).toBeGreaterThan(20);
        expect(kind.editor === "text").toBe(kind.language !== null);
        if (kind.stagedCheck) expect(kind.stagedCheck.argv.some((arg) => arg.includes("{stage}"))).toBe(true);
      });
    });
  }

  it("keeps secrets only where a kind declares them", () => {
    expect(snippetKindNames.filter((name) => kindOf(name).secrets)).toEqual(["env_config"]);
  });
});
