import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { orgs, snippetRevisions, snippets } from "@/db/schema";
import { databaseFingerprint } from "@/server/testing/snapshot";

export const orgIdOf = async (slug: string) => (await getDb().select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, slug)))[0]!.id;

export const revisionRow = async (revisionId: string) => (await getDb().select().from(snippetRevisions).where(eq(snippetRevisions.id, revisionId)))[0]!;
export const snippetRow = async (snippetId: string) => (await getDb().select().from(snippets).where(eq(snippets.id, snippetId)))[0]!;

/** Runs a call that must be refused with `code` (and, when given, a message matching `message`), and proves the database did not change. */
export async function expectRefusal(call: () => Promise<unknown>, code: TRPCError["code"], message?: RegExp): Promise<void> {
  const before = await databaseFingerprint();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  expect(await databaseFingerprint()).toEqual(before);
}
