import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { snippetRevisions } from "@/db/schema";
import { auditTrailOf, vmByName } from "@/server/inventory/testing";
import { callerFor } from "@/server/testing/actors";
import { resealSecrets } from "./reseal";
import { decryptSecret, parseKeyRing, sealedKeyId } from "./secrets";
import { orgIdOf, revisionRow } from "./testing";

const newKey = () => randomBytes(32).toString("base64");
const oldRing = parseKeyRing(`old:${newKey()}`);
const rotatedRing = parseKeyRing(`new:${newKey()},old:${oldRing.current.key.toString("base64")}`);
const sealedValues = (text: string) => [...text.matchAll(/=(v1:\S+)/g)].map((m) => m[1]!);
type EnvContent = { text: string };

let snippetId: string, first: string, second: string;

beforeAll(async () => {
  // Revisions written while "old" was the only key: two revisions sharing one secret, one with its own.
  process.env.HOSTDESK_SECRET_KEYS = `old:${oldRing.current.key.toString("base64")}`;
  const engineer = await callerFor("engineer@hostdesk.test");
  const owner = await callerFor("owner@acme.test");
  const vmId = (await vmByName("acme-web01")).id;
  await engineer.delegation.grants.grant({ orgId: await orgIdOf("acme"), kind: "env_config", scope: { type: "vm", vmId } });
  const created = await owner.delegation.snippets.create({
    orgId: await orgIdOf("acme"), kind: "env_config", slug: "reseal-env", name: "Reseal", scope: { type: "vm", vmId },
    content: { text: "APP_ENV=production\nsecret DATABASE_PASSWORD=hunter2\n" },
  });
  snippetId = created.snippetId;
  first = created.revisionId;
  const shown = (await owner.delegation.snippets.get({ snippetId })).revisions[0]!.content as EnvContent;
  second = (await owner.delegation.saveDraft({ snippetId, content: { text: `${shown.text}secret API_TOKEN=tok-42\n` } })).revisionId;
  delete process.env.HOSTDESK_SECRET_KEYS;
});

describe("re-sealing secrets after a key rotation", () => {
  it("moves every secret to the current key, keeps what each says, and keeps shared secrets shared", async () => {
    const before = [(await revisionRow(first)).content as EnvContent, (await revisionRow(second)).content as EnvContent];
    expect([...sealedValues(before[0]!.text), ...sealedValues(before[1]!.text)].every((v) => sealedKeyId(v) === "old")).toBe(true);

    const report = await resealSecrets(getDb(), rotatedRing);
    expect(report).toEqual({ revisions: 2, values: 2, byKey: { old: 2 } });

    const after = [(await revisionRow(first)).content as EnvContent, (await revisionRow(second)).content as EnvContent];
    for (const content of after) for (const value of sealedValues(content.text)) expect(sealedKeyId(value)).toBe("new");
    // Without the old key, everything still opens, to the same words.
    const newOnly = parseKeyRing(`new:${rotatedRing.current.key.toString("base64")}`);
    expect(sealedValues(after[0]!.text).map((v) => decryptSecret(v, newOnly))).toEqual(["hunter2"]);
    expect(sealedValues(after[1]!.text).map((v) => decryptSecret(v, newOnly))).toEqual(["hunter2", "tok-42"]);
    expect(sealedValues(after[0]!.text)[0]).toBe(sealedValues(after[1]!.text)[0]);
    expect(after[1]!.text.replace(/=v1:\S+/g, "=…")).toBe(before[1]!.text.replace(/=v1:\S+/g, "=…"));
    expect((await auditTrailOf(first)).map((e) => e.action)).toContain("snippet_revision.secrets_resealed");
  });

  it("writes nothing when every secret already has the current key", async () => {
    expect(await resealSecrets(getDb(), rotatedRing)).toEqual({ revisions: 0, values: 0, byKey: {} });
  });

  it("leaves revisions immutable outside a re-seal", async () => {
    await expect(getDb().update(snippetRevisions).set({ content: { text: "APP_ENV=tampered\n" } }).where(eq(snippetRevisions.id, first))).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/immutable/) },
    });
  });
});
