import { z } from "zod";
import type { Weekday, WeeklyFrame } from "@/server/calendars/types";
import { componentKinds } from "./chain-availability";
import type { AvailabilityTree } from "./composite";
import { locales } from "./locale";
import { fixedMonthConventions, measurementWindows, yearConventions } from "./windows";

/**
 * Inputs of the SLA calculator, page and API alike. Availabilities and shares are fractions
 * (0.999, not 99.9) so they go into the math unchanged; durations people type are whole minutes;
 * money is whole currency units.
 */

export const availabilitySchema = z
  .number("Enter availability as a number, e.g. 0.999 for 99.9 %.")
  .gt(0, "Availability must be above 0.")
  .lt(1, "Availability must be below 1 (100 %): no service can promise that it is never down.");

// `what` starts the message: "The response time cannot be negative."
const share = (what: string) => {
  const message = `${what} must be a number from 0 to 1 (0.5 for 50 %).`;
  return z.number(message).min(0, message).max(1, message);
};

const minutes = (what: string) =>
  z.number(`${what} must be a number of minutes.`).int(`${what} must be whole minutes.`).min(0, `${what} cannot be negative.`).max(525_960, `${what} cannot be longer than a year.`);

const money = (what: string) => z.number(`${what} must be an amount.`).int(`${what} must be in whole currency units.`).min(0, `${what} cannot be negative.`);

export const weeklyFrameSchema = z
  .object({
    weekday: z.literal([0, 1, 2, 3, 4, 5, 6], "Use a weekday from 0 (Sunday) to 6 (Saturday)."),
    startMinute: z.number().int("Start at a whole minute.").min(0, "A frame starts at 00:00 or later.").max(1439, "A frame starts before midnight."),
    endMinute: z.number().int("End at a whole minute.").min(1, "A frame ends after 00:00.").max(1440, "A frame ends at midnight (1440) at the latest."),
  })
  .refine((frame) => frame.endMinute > frame.startMinute, { error: "A frame must end after it starts.", path: ["endMinute"] });

const frameList = z.array(weeklyFrameSchema).min(1, 'Give at least one frame, or choose "24x7".').max(50, "Use at most 50 frames.");

/**
 * "24x7", or at least one weekly frame. When a frame has the wrong type or weekday, a union reports
 * one issue on the whole field, so the first frame's own message is passed on with its number;
 * lesser faults (a frame ending before it starts) keep their own path.
 */
export const weeklyHoursSchema = z.union([z.literal("24x7"), frameList], {
  error: (issue) => {
    const [first] = issue.code === "invalid_union" && Array.isArray(issue.input) ? (issue.errors[1] ?? []) : [];
    if (!first) return 'Give "24x7" or a list of weekly frames.';
    return typeof first.path[0] === "number" ? `Frame ${first.path[0] + 1}: ${first.message}` : first.message;
  },
});

/** Mon–Fri from `startHour` to `endHour`: the demo's support hours. */
function weekdays(startHour: number, endHour: number): WeeklyFrame[] {
  return ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({ weekday, startMinute: startHour * 60, endMinute: endHour * 60 }));
}

export const monthConventionSchema = z.union(
  [
    z.object({ kind: z.enum(fixedMonthConventions) }),
    z.object({
      kind: z.literal("calendar"),
      year: z.number().int("Enter a whole year.").min(1970, "Enter a year from 1970.").max(2200, "Enter a year up to 2200."),
      month: z.number().int("Enter the month as 1–12.").min(1, "Enter the month as 1–12.").max(12, "Enter the month as 1–12."),
    }),
  ],
  { error: 'Choose a month convention: "30d", "30.44d", "730h", or "calendar" with a year and month.' },
);

export const windowSchema = z.enum(measurementWindows, "Choose a window: day, week, month, quarter or year.");

export const creditTierSchema = z.object({
  belowAvailability: availabilitySchema,
  creditShare: share("The credit share").gt(0, "A credit tier must credit something."),
});

export const tierSchema = z.object({
  name: z.string().trim().min(1, "Name the tier.").max(40, "Use at most 40 characters for a tier name."),
  availability: availabilitySchema,
  support: weeklyHoursSchema,
  responseMinutes: minutes("The response time"),
  onCallResponseMinutes: minutes("The on-call response time").nullable().default(null),
  failoverMinutes: minutes("The failover time").nullable().default(null),
  monthlyPrice: money("The monthly price"),
});

export const scenarioInput = z.object({
  locale: z.enum(locales, 'Choose "en" or "de".').default("en"),
  currency: z.string().regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as EUR.").default("EUR"),
  target: z
    .object({
      availability: availabilitySchema.default(0.999),
      window: windowSchema.default("month"),
      monthConvention: monthConventionSchema.default(() => ({ kind: "30.44d" as const })),
      yearConvention: z.enum(yearConventions, 'Choose "365.2425d" or "365d".').default("365.2425d"),
      maxSingleOutageMinutes: minutes("The longest single outage").min(1, "The longest single outage must be at least a minute.").nullable().default(240),
    })
    .prefault({}),
  /** When downtime counts: 24×7, or a service-time SLA's weekly frames less its public holidays. */
  serviceHours: z
    .object({
      hours: weeklyHoursSchema.default("24x7"),
      holidaysPerYear: z.number().int("Count whole holidays.").min(0, "Holidays cannot be negative.").max(60, "Use at most 60 holidays a year.").default(0),
    })
    .prefault({}),
  coverage: z
    .object({
      support: weeklyHoursSchema.default(() => weekdays(8, 18)),
      supportExceptHolidays: z.boolean().default(true),
      responseMinutes: minutes("The response time").default(30),
      onCallResponseMinutes: minutes("The on-call response time").nullable().default(30),
      detectMinutes: minutes("The time to detect").default(10),
      repairMinutes: minutes("The time to repair").default(90),
      failuresPerYear: z.number("Enter failures per year as a number.").min(0, "Failures per year cannot be negative.").max(1000, "Use at most 1000 failures a year.").default(3),
      failoverMinutes: minutes("The failover time").nullable().default(null),
    })
    .prefault({}),
  cost: z
    .object({
      revenuePerHour: money("The revenue per hour").default(2000),
      revenueImpactShare: share("The revenue impact share").default(0.6),
      affectedStaff: z.number().int("Count whole staff.").min(0, "Staff cannot be negative.").max(1_000_000, "Use at most a million staff.").default(12),
      loadedHourlyCost: money("The loaded hourly cost").default(65),
      productivityLossShare: share("The productivity loss share").default(0.5),
      recoveryCostPerIncident: money("The recovery cost per incident").default(400),
      hourlyWeights: z
        .array(z.number().min(0, "An hourly weight cannot be negative.").max(10, "An hourly weight is at most 10."))
        .length(24, "Give 24 hourly weights, one for each hour from 00 to 23.")
        .nullable()
        .default(null),
    })
    .prefault({}),
  tiers: z
    .array(tierSchema)
    .min(2, "Compare at least 2 tiers.")
    .max(4, "Compare at most 4 tiers.")
    .refine((tiers) => new Set(tiers.map((tier) => tier.name)).size === tiers.length, "Give every tier its own name.")
    .default(() => [
      { name: "Basic", availability: 0.995, support: weekdays(8, 18), responseMinutes: 240, onCallResponseMinutes: null, failoverMinutes: null, monthlyPrice: 290 },
      { name: "Business", availability: 0.999, support: weekdays(7, 20), responseMinutes: 60, onCallResponseMinutes: 60, failoverMinutes: null, monthlyPrice: 890 },
      { name: "Premium", availability: 0.9995, support: "24x7" as const, responseMinutes: 30, onCallResponseMinutes: null, failoverMinutes: 5, monthlyPrice: 2490 },
    ]),
  credits: z
    .object({
      tiers: z
        .array(creditTierSchema)
        .max(6, "Use at most 6 credit tiers.")
        .default(() => [
          { belowAvailability: 0.999, creditShare: 0.1 },
          { belowAvailability: 0.99, creditShare: 0.3 },
        ]),
      monthlyFee: money("The monthly fee").default(890),
      /** The worked example: one outage of this length in a month. */
      exampleOutageMinutes: minutes("The example outage").default(480),
    })
    .prefault({}),
});

export type ScenarioInput = z.output<typeof scenarioInput>;

export const availabilityTreeSchema: z.ZodType<AvailabilityTree> = z.lazy(() =>
  z.union(
    [
      z.object({ kind: z.literal("component"), name: z.string().trim().min(1, "Name every component.").max(80), availability: availabilitySchema }),
      z.object({ kind: z.enum(["series", "redundant"]), parts: z.array(availabilityTreeSchema).min(1, "A series or redundancy group needs at least one part.").max(50) }),
    ],
    { error: 'Each part is a component {kind: "component", name, availability} or a group {kind: "series" | "redundant", parts}.' },
  ),
);

export const chainAvailabilityInput = z.object({
  targetId: z.string().min(1),
  nodes: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.enum(componentKinds, `Use a kind from: ${componentKinds.join(", ")}.`),
        name: z.string().max(200),
        availability: availabilitySchema.optional(),
      }),
    )
    .min(1, "Give at least the target node.")
    .max(10_000),
  edges: z.array(z.object({ parentId: z.string().min(1), childId: z.string().min(1), redundancyGroup: z.string().nullable() })).max(250_000),
  /** Overrides of DEFAULT_KIND_AVAILABILITY. */
  kindAvailability: z.partialRecord(z.enum(componentKinds), availabilitySchema).default({}),
});
