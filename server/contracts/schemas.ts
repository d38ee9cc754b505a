import { z } from "zod";
import { scenarioInput } from "@/server/sla/schemas";
import { contractTermsSchema } from "./terms";
import { offerChoiceInput } from "./terms-from-scenario";

const note = z.string().trim().max(2000, "Keep the note under 2,000 characters.").default("");

/**
 * What a proposal version offers: terms written out (from the plan catalogue, or edited), or one
 * tier of the scenario with the calendars picked (termsFromScenario derives the terms).
 */
const offered = {
  scenario: scenarioInput,
  terms: contractTermsSchema.optional(),
  offer: offerChoiceInput.optional(),
  note,
};
const oneWayOfOffering = <T extends { terms?: unknown; offer?: unknown }>(value: T) => (value.terms === undefined) !== (value.offer === undefined);
const oneWayMessage = { message: "Offer either written-out terms or a tier of the scenario, not both.", path: ["offer"] };

export const createProposalInput = z
  .object({ orgId: z.uuid(), title: z.string().trim().min(3, "Give the proposal a title.").max(120), ...offered })
  .refine(oneWayOfOffering, oneWayMessage);
export const reviseProposalInput = z.object({ proposalId: z.uuid(), ...offered }).refine(oneWayOfOffering, oneWayMessage);
export const proposalIdInput = z.object({ proposalId: z.uuid() });
export const acceptProposalInput = z.object({ proposalVersionId: z.uuid() });
export const listProposalsInput = z.object({ orgId: z.uuid().optional() }).default({});
