export const proposalStatusTone = { open: "info", accepted: "good", withdrawn: "neutral" } as const;
