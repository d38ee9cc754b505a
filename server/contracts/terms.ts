import { z } from "zod";

export const ticketPriorities = ["urgent", "high", "normal", "low"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
/** Ticket statuses a contract may name as pausing the SLA clock (the help desk owns the full list). */
export const pausableStatuses = ["waiting_on_customer", "on_hold"] as const;
export const measurementWindows = ["month", "quarter", "year"] as const;

const minutes = (what: string) =>
  z
    .number({ error: `Enter the ${what} in minutes.` })
    .int(`The ${what} must be whole minutes.`)
    .min(1, `The ${what} must be at least a minute.`)
    .max(60 * 24 * 90, `The ${what} can be at most 90 days.`);

export const responseTargetSchema = z.object({
  priority: z.enum(ticketPriorities),
  firstResponseMinutes: minutes("first response"),
  nextReplyMinutes: minutes("next reply"),
  resolutionMinutes: minutes("resolution"),
  /** business: counted only in the support calendar's hours; calendar: around the clock. */
  clock: z.enum(["business", "calendar"]),
});
export type ResponseTarget = z.infer<typeof responseTargetSchema>;

const isoDate = z.iso.date("Use a date like 2027-01-01.");

/**
 * What a customer is promised, as stored in contracts, proposals and plans. Validated on every
 * write and every read, so a stored document that drifted from this shape is caught, not trusted.
 */
export const contractTermsSchema = z
  .object({
    availabilityTarget: z
      .number({ error: "Enter the availability as a fraction, e.g. 0.999." })
      .min(0.9, "Below 90 % is not a service level.")
      .max(0.99999, "Above 99.999 % is not something anyone can promise."),
    measurementWindow: z.enum(measurementWindows),
    maxOutageMinutes: z.number().int().min(1).max(60 * 24 * 31).nullable(),
    /** Availability counts only in this calendar; null = around the clock. */
    serviceCalendarId: z.uuid().nullable(),
    /** When people work tickets; business-clock targets run only inside it. */
    supportCalendarId: z.uuid(),
    responseTargets: z.array(responseTargetSchema).length(ticketPriorities.length, "Give a target for each of the four priorities."),
    pausingStatuses: z.array(z.enum(pausableStatuses)).max(pausableStatuses.length),
    downtimeCostPerHour: z.number().min(0).max(100_000_000),
    monthlyPrice: z.number().min(0).max(100_000_000),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. EUR.")
      .default("EUR"),
    credits: z
      .array(z.object({ belowAvailability: z.number().min(0.5).max(1), creditShare: z.number().gt(0).max(1) }))
      .max(6)
      .default([]),
    maintenance: z.object({
      noticeDays: z.number().int().min(0).max(90),
      window: z.string().trim().max(120),
      countsAsDowntime: z.boolean(),
    }),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
  })
  .refine((t) => new Set(t.responseTargets.map((r) => r.priority)).size === ticketPriorities.length, {
    message: "Give exactly one target per priority.",
    path: ["responseTargets"],
  })
  .refine((t) => t.endsOn === null || t.endsOn > t.startsOn, { message: "The contract must end after it starts.", path: ["endsOn"] })
  .refine((t) => t.responseTargets.every((r) => r.firstResponseMinutes <= r.resolutionMinutes), {
    message: "A first response cannot be due after the resolution.",
    path: ["responseTargets"],
  });
export type ContractTerms = z.infer<typeof contractTermsSchema>;

/** The target for one priority; every valid terms document has all four. */
export function targetFor(terms: ContractTerms, priority: TicketPriority): ResponseTarget {
  const target = terms.responseTargets.find((t) => t.priority === priority);
  if (!target) throw new Error(`contract terms without a ${priority} target`);
  return target;
}
