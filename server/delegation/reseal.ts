import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { snippetRevisions, snippets } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { snippetKindNames } from "./kind";
import { kindOf } from "./kinds/registry";
import { decryptSecret, defaultRing, rotateSecret, sealedKeyId, type KeyRing } from "./secrets";

export type ResealReport = { revisions: number; values: number; byKey: Record<string, number> };

/**
 * Re-seals every stored secret value sealed with an older key with the ring's current one, so the
 * older key can then leave HOSTDESK_SECRET_KEYS. Each distinct sealed value is re-sealed once and
 * replaced alike in every revision that holds it, so masks (fingerprints of the sealed value) still
 * show which revisions share a secret and a diff shows no change where there was none. Every value
 * is opened before and after: what a secret says never changes, only the key around it.
 */
export async function resealSecrets(db: Db, givenRing?: KeyRing): Promise<ResealReport> {
  const secretKinds = snippetKindNames.filter((name) => kindOf(name).secrets);
  const rows = await db
    .select({ id: snippetRevisions.id, orgId: snippets.orgId, kind: snippets.kind, content: snippetRevisions.content })
    .from(snippetRevisions)
    .innerJoin(snippets, eq(snippets.id, snippetRevisions.snippetId))
    .where(inArray(snippets.kind, secretKinds));

  if (rows.length === 0) return { revisions: 0, values: 0, byKey: {} };
  // Only now: an installation that stores no secrets needs no keys.
  const ring = givenRing ?? defaultRing();
  const resealed = new Map<string, string>();
  const byKey: Record<string, number> = {};
  const replace = (sealed: string) => {
    const keyId = sealedKeyId(sealed);
    if (keyId === ring.current.id) return sealed;
    let next = resealed.get(sealed);
    if (!next) {
      next = rotateSecret(sealed, ring);
      if (decryptSecret(next, ring) !== decryptSecret(sealed, ring)) throw new Error("re-sealing changed a secret; nothing was written");
      resealed.set(sealed, next);
      byKey[keyId] = (byKey[keyId] ?? 0) + 1;
    }
    return next;
  };
  const changes: { id: string; orgId: string; content: unknown }[] = [];
  for (const row of rows) {
    const secrets = kindOf(row.kind).secrets!;
    const content = secrets.mapSealed(row.content as never, replace);
    if (JSON.stringify(content) !== JSON.stringify(row.content)) changes.push({ id: row.id, orgId: row.orgId, content });
  }
  if (changes.length === 0) return { revisions: 0, values: 0, byKey };

  await db.transaction(async (tx) => {
    // The one exception the revisions' immutability trigger allows (migration 0008).
    await tx.execute(sql`select set_config('hostdesk.resealing_secrets', 'on', true)`);
    for (const change of changes) {
      await tx.update(snippetRevisions).set({ content: change.content }).where(eq(snippetRevisions.id, change.id));
      await recordAudit(tx, { system: "secrets" }, { action: "snippet_revision.secrets_resealed", subjectType: "snippet_revision", subjectId: change.id, orgId: change.orgId, after: { key: ring.current.id } });
    }
  });
  return { revisions: changes.length, values: resealed.size, byKey };
}
