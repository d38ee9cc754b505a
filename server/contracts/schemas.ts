import { z } from "zod";
import { scenarioInput } from "@/server/sla/schemas";
import { contractTermsSchema } from "./terms";

const note = z.string().trim().max(2000, "Keep the note under 2,000 characters.").default("");

export const createProposalInput = z.object({
  orgId: z.uuid(),
  title: z.string().trim().min(3, "Give the proposal a title.").max(120),
  scenario: scenarioInput,
  terms: contractTermsSchema,
  note,
});

export const reviseProposalInput = z.object({ proposalId: z.uuid(), scenario: scenarioInput, terms: contractTermsSchema, note });
export const proposalIdInput = z.object({ proposalId: z.uuid() });
export const acceptProposalInput = z.object({ proposalVersionId: z.uuid() });
export const listProposalsInput = z.object({ orgId: z.uuid().optional() }).default({});
