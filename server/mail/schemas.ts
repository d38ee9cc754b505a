import { z } from "zod";

export const outboxStates = ["all", "pending", "sent", "failed"] as const;

export const outboxInput = z
  .object({
    state: z.enum(outboxStates).default("all"),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ state: "all", limit: 50 });

export const quarantineInput = z
  .object({
    /** Open: waiting for staff. Resolved: released, dropped, or automatic mail recorded and not answered. */
    state: z.enum(["open", "resolved"]).default("open"),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ state: "open", limit: 50 });

export const releaseInput = z.object({ quarantineId: z.uuid(), orgId: z.uuid({ error: "Choose the customer this mail belongs to." }) });
export const dropInput = z.object({ quarantineId: z.uuid() });
export const retryInput = z.object({ mailId: z.uuid() });
