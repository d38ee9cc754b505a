import { z } from "zod";
import { snippetKindNames } from "./kind";

export const kindInput = z.enum(snippetKindNames);
const environmentInput = z.enum(["production", "staging", "development"]);

/** Where a grant or a snippet reaches; exactly one target per scope type. */
export const scopeInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("vm"), vmId: z.uuid() }),
  z.object({ type: z.literal("service"), serviceId: z.uuid() }),
  z.object({ type: z.literal("environment"), environment: environmentInput }),
  z.object({ type: z.literal("org") }),
]);
export type Scope = z.output<typeof scopeInput>;

export const grantInput = z.object({
  orgId: z.uuid(),
  /** Only this user of the org; omitted or null: everyone of the org. */
  userId: z.uuid().nullable().default(null),
  kind: kindInput,
  scope: scopeInput,
  mode: z.enum(["review", "auto"]).default("review"),
});
export const grantIdInput = z.object({ grantId: z.uuid() });
export const listGrantsInput = z.object({ orgId: z.uuid(), includeRevoked: z.boolean().default(false) });

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "Use a short name of letters, digits and dashes, starting with a letter or digit (it becomes part of file names).");

export const createSnippetInput = z.object({
  orgId: z.uuid(),
  kind: kindInput,
  slug,
  name: z.string().trim().min(1, "Give the snippet a name.").max(120, "Keep the name under 120 characters."),
  scope: scopeInput,
  /** First draft's content; the kind's starter when omitted. */
  content: z.unknown().optional(),
});
export const listSnippetsInput = z.object({ orgId: z.uuid().optional(), kind: kindInput.optional() });
export const snippetIdInput = z.object({ snippetId: z.uuid() });
export const revisionIdInput = z.object({ revisionId: z.uuid() });

/** Content is checked against the kind's own schema in the domain; here it only has to be JSON-sized. */
export const saveDraftInput = z.object({ snippetId: z.uuid(), content: z.unknown() });
export const validateDraftInput = z.object({ snippetId: z.uuid(), content: z.unknown() });

const reason = z.string().trim().min(3, "Say why, so the customer knows what to change.").max(2000, "Keep the reason under 2,000 characters.");
export const approveInput = z.object({ revisionId: z.uuid(), note: z.string().trim().max(2000).optional() });
export const rejectInput = z.object({ revisionId: z.uuid(), reason });
export const approveManyInput = z.object({ revisionIds: z.array(z.uuid()).min(1, "Pick at least one change.").max(100) });
export const rejectManyInput = z.object({ revisionIds: z.array(z.uuid()).min(1, "Pick at least one change.").max(100), reason });

export const diffInput = z.object({ fromRevisionId: z.uuid(), toRevisionId: z.uuid() });
export const rollbackInput = z.object({
  /** The old revision whose content comes back. */
  revisionId: z.uuid(),
  /** Submit the new revision at once (the usual case), or leave it as a draft. */
  submit: z.boolean().default(true),
});
export const approvalsQueueInput = z.object({ orgId: z.uuid().optional(), kind: kindInput.optional() }).default({});
export const rolloutIdInput = z.object({ rolloutId: z.uuid() });
