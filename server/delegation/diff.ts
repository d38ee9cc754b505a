import { createTwoFilesPatch, structuredPatch } from "diff";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { badRequest } from "@/server/errors";
import { revisionFor } from "./access";
import { canonicalText } from "./canonical-text";
import { contentToShow } from "./content-secrets";
import { kindOf } from "./kinds/registry";
import { diffInput } from "./schemas";
import { snippetSetting } from "./snippet-context";

/**
 * A unified diff between two revisions of one snippet, over each one's canonical text (see
 * canonical-text.ts), with secret values masked on both sides. `from` is usually the older one.
 */
export async function diffRevisions(db: DbOrTx, actor: Actor, input: z.input<typeof diffInput>) {
  const { fromRevisionId, toRevisionId } = diffInput.parse(input);
  const from = await revisionFor(db, actor, fromRevisionId);
  const to = await revisionFor(db, actor, toRevisionId);
  if (from.snippet.id !== to.snippet.id) throw badRequest("Compare two revisions of the same snippet.");
  const kind = kindOf(from.snippet.kind);
  const { context } = await snippetSetting(db, from.snippet);
  const oldText = canonicalText(kind, contentToShow(kind, from.revision.content), context);
  const newText = canonicalText(kind, contentToShow(kind, to.revision.content), context);
  const oldName = `${from.snippet.slug} r${from.revision.number}`;
  const newName = `${to.snippet.slug} r${to.revision.number}`;
  const hunks = structuredPatch(oldName, newName, oldText, newText).hunks;
  const count = (mark: string) => hunks.reduce((n, h) => n + h.lines.filter((l) => l.startsWith(mark)).length, 0);
  return {
    from: { revisionId: from.revision.id, number: from.revision.number, text: oldText },
    to: { revisionId: to.revision.id, number: to.revision.number, text: newText },
    patch: createTwoFilesPatch(oldName, newName, oldText, newText),
    additions: count("+"),
    deletions: count("-"),
    identical: oldText === newText,
  };
}
