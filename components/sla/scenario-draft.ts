import type { Weekday, WeeklyFrame } from "@/server/calendars/types";
import type { Locale } from "@/server/sla/locale";
import { scenarioInput, type ScenarioInput } from "@/server/sla/schemas";
import type { WeeklyHours } from "@/server/sla/weekly-frames";
import type { fixedMonthConventions, MeasurementWindow, YearConvention } from "@/server/sla/windows";
import { fractionToPercentText, parseNumberText, parsePercentText, percentMessage, roundTo } from "./number-text";

/**
 * The calculator's form state: what the account manager typed, as text, shaped like the scenario
 * schema so that a zod issue's path names the field it belongs to ("tiers.1.availability").
 * Availabilities and shares are percentages here and fractions in the schema.
 */

export type MonthKind = "calendar" | (typeof fixedMonthConventions)[number];

/** Monday first, as people read a week; the schema numbers Sunday 0. */
export const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
export const WEEKDAY_NAMES: Record<Weekday, string> = { 0: "Sun", 1: "Mon", 2: "Tue", 3: "Wed", 4: "Thu", 5: "Fri", 6: "Sat" };

/** Hours as the form edits them: around the clock, one weekday range with the same hours each day, or frames kept as they came. */
export type HoursDraft =
  | { mode: "24x7" }
  | { mode: "weekly"; fromDay: Weekday; toDay: Weekday; fromHour: string; toHour: string }
  | { mode: "custom"; frames: WeeklyFrame[] };

export type TierDraft = {
  /** React's key for the row; not part of the scenario. */
  key: string;
  name: string;
  availability: string;
  support: HoursDraft;
  responseMinutes: string;
  onCallResponseMinutes: string;
  failoverMinutes: string;
  monthlyPrice: string;
};

export type CreditDraft = { key: string; belowAvailability: string; creditShare: string };

export type ScenarioDraft = {
  locale: Locale;
  currency: string;
  target: {
    availability: string;
    window: MeasurementWindow;
    monthKind: MonthKind;
    calendarYear: string;
    calendarMonth: string;
    yearConvention: YearConvention;
    maxSingleOutageMinutes: string;
  };
  serviceHours: { hours: HoursDraft; holidaysPerYear: string };
  coverage: {
    support: HoursDraft;
    supportExceptHolidays: boolean;
    responseMinutes: string;
    onCallResponseMinutes: string;
    detectMinutes: string;
    repairMinutes: string;
    failuresPerYear: string;
    failoverMinutes: string;
  };
  cost: {
    revenuePerHour: string;
    revenueImpactShare: string;
    affectedStaff: string;
    loadedHourlyCost: string;
    productivityLossShare: string;
    recoveryCostPerIncident: string;
    hourlyWeights: string;
  };
  tiers: TierDraft[];
  credits: { tiers: CreditDraft[]; monthlyFee: string; exampleOutageMinutes: string };
};

/** Messages by issue path ("target.availability"). */
export type FieldErrors = Record<string, string>;

let keyCounter = 0;
export const newKey = (prefix: string) => `${prefix}-${++keyCounter}`;

const position = (day: Weekday) => (day + 6) % 7;
const hourText = (minute: number) => String(roundTo(minute / 60, 4));

/** Frames that are one weekday range with the same hours each day become the simple editor; anything else stays as it is. */
export function hoursDraftOf(hours: WeeklyHours): HoursDraft {
  if (hours === "24x7") return { mode: "24x7" };
  const custom: HoursDraft = { mode: "custom", frames: [...hours] };
  const [first] = hours;
  if (!first || hours.some((f) => f.startMinute !== first.startMinute || f.endMinute !== first.endMinute)) return custom;
  const positions = new Set(hours.map((f) => position(f.weekday)));
  if (positions.size !== hours.length) return custom;
  const count = positions.size;
  for (const start of positions) {
    const range = Array.from({ length: count }, (_, i) => (start + i) % 7);
    if (range.every((p) => positions.has(p))) {
      return { mode: "weekly", fromDay: WEEK_ORDER[start]!, toDay: WEEK_ORDER[(start + count - 1) % 7]!, fromHour: hourText(first.startMinute), toHour: hourText(first.endMinute) };
    }
  }
  return custom;
}

/** The days from `from` to `to` in week order, wrapping past Sunday (Sat–Mon is three days). */
export function weekdayRange(from: Weekday, to: Weekday): Weekday[] {
  const length = ((position(to) - position(from) + 7) % 7) + 1;
  return Array.from({ length }, (_, i) => WEEK_ORDER[(position(from) + i) % 7]!);
}

export const DEFAULT_WEEKLY: HoursDraft = { mode: "weekly", fromDay: 1, toDay: 5, fromHour: "8", toHour: "18" };

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export function hoursFromDraft(draft: HoursDraft): Read<WeeklyHours> {
  if (draft.mode === "24x7") return { ok: true, value: "24x7" };
  if (draft.mode === "custom") return { ok: true, value: draft.frames };
  const from = parseNumberText(draft.fromHour, "8");
  const to = parseNumberText(draft.toHour, "18");
  if (!from.ok || !to.ok) return { ok: false, message: "Enter the hours as numbers from 0 to 24, e.g. 8 and 18." };
  const startMinute = Math.round(from.value * 60);
  const endMinute = Math.round(to.value * 60);
  return { ok: true, value: weekdayRange(draft.fromDay, draft.toDay).map((weekday) => ({ weekday, startMinute, endMinute })) };
}

export function draftFromInput(input: ScenarioInput): ScenarioDraft {
  const { target, serviceHours, coverage, cost, credits } = input;
  const minutesText = (value: number | null) => (value === null ? "" : String(value));
  const month = target.monthConvention;
  const now = new Date();
  return {
    locale: input.locale,
    currency: input.currency,
    target: {
      availability: fractionToPercentText(target.availability),
      window: target.window,
      monthKind: month.kind,
      calendarYear: String(month.kind === "calendar" ? month.year : now.getFullYear()),
      calendarMonth: String(month.kind === "calendar" ? month.month : now.getMonth() + 1),
      yearConvention: target.yearConvention,
      maxSingleOutageMinutes: minutesText(target.maxSingleOutageMinutes),
    },
    serviceHours: { hours: hoursDraftOf(serviceHours.hours), holidaysPerYear: String(serviceHours.holidaysPerYear) },
    coverage: {
      support: hoursDraftOf(coverage.support),
      supportExceptHolidays: coverage.supportExceptHolidays,
      responseMinutes: String(coverage.responseMinutes),
      onCallResponseMinutes: minutesText(coverage.onCallResponseMinutes),
      detectMinutes: String(coverage.detectMinutes),
      repairMinutes: String(coverage.repairMinutes),
      failuresPerYear: String(coverage.failuresPerYear),
      failoverMinutes: minutesText(coverage.failoverMinutes),
    },
    cost: {
      revenuePerHour: String(cost.revenuePerHour),
      revenueImpactShare: fractionToPercentText(cost.revenueImpactShare),
      affectedStaff: String(cost.affectedStaff),
      loadedHourlyCost: String(cost.loadedHourlyCost),
      productivityLossShare: fractionToPercentText(cost.productivityLossShare),
      recoveryCostPerIncident: String(cost.recoveryCostPerIncident),
      hourlyWeights: cost.hourlyWeights === null ? "" : cost.hourlyWeights.join(" "),
    },
    tiers: input.tiers.map((tier) => ({
      key: newKey("tier"),
      name: tier.name,
      availability: fractionToPercentText(tier.availability),
      support: hoursDraftOf(tier.support),
      responseMinutes: String(tier.responseMinutes),
      onCallResponseMinutes: minutesText(tier.onCallResponseMinutes),
      failoverMinutes: minutesText(tier.failoverMinutes),
      monthlyPrice: String(tier.monthlyPrice),
    })),
    credits: {
      tiers: credits.tiers.map((tier) => ({
        key: newKey("credit"),
        belowAvailability: fractionToPercentText(tier.belowAvailability),
        creditShare: fractionToPercentText(tier.creditShare),
      })),
      monthlyFee: String(credits.monthlyFee),
      exampleOutageMinutes: String(credits.exampleOutageMinutes),
    },
  };
}

/** Turns the typed text into the schema's raw input; text that is not a number at all is reported here, in words that fit the field. */
function readDraft(draft: ScenarioDraft): { raw: unknown; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (key: string, text: string, example?: string) => {
    const parsed = parseNumberText(text, example);
    if (parsed.ok) return parsed.value;
    errors[key] = parsed.message;
    return Number.NaN;
  };
  const optionalNumber = (key: string, text: string) => (text.trim() === "" ? null : number(key, text));
  const percent = (key: string, text: string) => {
    const parsed = parsePercentText(text);
    if (parsed.ok) return parsed.value;
    errors[key] = parsed.message;
    return Number.NaN;
  };
  const hours = (key: string, value: HoursDraft) => {
    const read = hoursFromDraft(value);
    if (read.ok) return read.value;
    errors[key] = read.message;
    return null;
  };
  const weights = (key: string, text: string) => {
    if (text.trim() === "") return null;
    const values = text.trim().split(/[\s;,]+/);
    const parsed = values.map((value) => parseNumberText(value, "0.5"));
    const bad = parsed.findIndex((p) => !p.ok);
    if (bad >= 0) {
      errors[key] = `Hour ${bad} is not a number: “${values[bad]}”. Separate the 24 weights with spaces.`;
      return null;
    }
    return parsed.map((p) => (p.ok ? p.value : Number.NaN));
  };

  const { target, serviceHours, coverage, cost, credits } = draft;
  const raw = {
    locale: draft.locale,
    currency: draft.currency.trim().toUpperCase(),
    target: {
      availability: percent("target.availability", target.availability),
      window: target.window,
      monthConvention:
        target.monthKind === "calendar"
          ? { kind: "calendar", year: number("target.monthConvention.year", target.calendarYear, "2026"), month: number("target.monthConvention.month", target.calendarMonth, "3") }
          : { kind: target.monthKind },
      yearConvention: target.yearConvention,
      maxSingleOutageMinutes: optionalNumber("target.maxSingleOutageMinutes", target.maxSingleOutageMinutes),
    },
    serviceHours: { hours: hours("serviceHours.hours", serviceHours.hours), holidaysPerYear: number("serviceHours.holidaysPerYear", serviceHours.holidaysPerYear) },
    coverage: {
      support: hours("coverage.support", coverage.support),
      supportExceptHolidays: coverage.supportExceptHolidays,
      responseMinutes: number("coverage.responseMinutes", coverage.responseMinutes),
      onCallResponseMinutes: optionalNumber("coverage.onCallResponseMinutes", coverage.onCallResponseMinutes),
      detectMinutes: number("coverage.detectMinutes", coverage.detectMinutes),
      repairMinutes: number("coverage.repairMinutes", coverage.repairMinutes),
      failuresPerYear: number("coverage.failuresPerYear", coverage.failuresPerYear),
      failoverMinutes: optionalNumber("coverage.failoverMinutes", coverage.failoverMinutes),
    },
    cost: {
      revenuePerHour: number("cost.revenuePerHour", cost.revenuePerHour),
      revenueImpactShare: percent("cost.revenueImpactShare", cost.revenueImpactShare),
      affectedStaff: number("cost.affectedStaff", cost.affectedStaff),
      loadedHourlyCost: number("cost.loadedHourlyCost", cost.loadedHourlyCost),
      productivityLossShare: percent("cost.productivityLossShare", cost.productivityLossShare),
      recoveryCostPerIncident: number("cost.recoveryCostPerIncident", cost.recoveryCostPerIncident),
      hourlyWeights: weights("cost.hourlyWeights", cost.hourlyWeights),
    },
    tiers: draft.tiers.map((tier, i) => ({
      name: tier.name,
      availability: percent(`tiers.${i}.availability`, tier.availability),
      support: hours(`tiers.${i}.support`, tier.support),
      responseMinutes: number(`tiers.${i}.responseMinutes`, tier.responseMinutes),
      onCallResponseMinutes: optionalNumber(`tiers.${i}.onCallResponseMinutes`, tier.onCallResponseMinutes),
      failoverMinutes: optionalNumber(`tiers.${i}.failoverMinutes`, tier.failoverMinutes),
      monthlyPrice: number(`tiers.${i}.monthlyPrice`, tier.monthlyPrice),
    })),
    credits: {
      tiers: credits.tiers.map((tier, i) => ({
        belowAvailability: percent(`credits.tiers.${i}.belowAvailability`, tier.belowAvailability),
        creditShare: percent(`credits.tiers.${i}.creditShare`, tier.creditShare),
      })),
      monthlyFee: number("credits.monthlyFee", credits.monthlyFee),
      exampleOutageMinutes: number("credits.exampleOutageMinutes", credits.exampleOutageMinutes),
    },
  };
  return { raw, errors };
}

export type DraftCheck = { input: ScenarioInput; errors: null } | { input: null; errors: FieldErrors };

/** The scenario the draft describes, or every problem with it keyed by field; the schema has the last word. */
export function checkDraft(draft: ScenarioDraft): DraftCheck {
  const { raw, errors } = readDraft(draft);
  const parsed = scenarioInput.safeParse(raw);
  if (parsed.success && Object.keys(errors).length === 0) return { input: parsed.data, errors: null };
  const all: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) all[issue.path.join(".")] ??= percentMessage(issue.message);
  // Our own "not a number" beats the schema's "must be a number" for the same field.
  return { input: null, errors: { ...all, ...errors } };
}

/** The message for exactly this field. */
export const errorAt = (errors: FieldErrors | null, key: string): string | undefined => errors?.[key];

/** The first message for this field or anything inside it (a weekly-hours editor, a month convention). */
export function errorWithin(errors: FieldErrors | null, key: string): string | undefined {
  if (!errors) return undefined;
  const found = Object.keys(errors).find((k) => k === key || k.startsWith(`${key}.`));
  return found === undefined ? undefined : errors[found];
}

const FIELD_LABELS: Record<string, string> = {
  locale: "Contract language",
  currency: "Currency",
  "target.availability": "Target availability",
  "target.window": "Measurement window",
  "target.monthConvention": "Month convention",
  "target.monthConvention.year": "Calendar year",
  "target.monthConvention.month": "Calendar month",
  "target.yearConvention": "Year convention",
  "target.maxSingleOutageMinutes": "Longest single outage",
  "serviceHours.hours": "Service hours",
  "serviceHours.holidaysPerYear": "Holidays per year",
  "coverage.support": "Support hours",
  "coverage.responseMinutes": "Response",
  "coverage.onCallResponseMinutes": "On-call response",
  "coverage.detectMinutes": "Time to detect",
  "coverage.repairMinutes": "Time to repair",
  "coverage.failuresPerYear": "Failures per year",
  "coverage.failoverMinutes": "Failover",
  "cost.revenuePerHour": "Revenue per hour",
  "cost.revenueImpactShare": "Revenue lost",
  "cost.affectedStaff": "Affected staff",
  "cost.loadedHourlyCost": "Cost per staff hour",
  "cost.productivityLossShare": "Work lost",
  "cost.recoveryCostPerIncident": "Recovery per incident",
  "cost.hourlyWeights": "Hourly weights",
  tiers: "Tiers",
  "credits.tiers": "Credit tiers",
  "credits.monthlyFee": "Monthly fee",
  "credits.exampleOutageMinutes": "Example outage",
};

const TIER_FIELDS: Record<string, string> = {
  name: "name",
  availability: "availability",
  support: "support hours",
  responseMinutes: "response",
  onCallResponseMinutes: "on-call response",
  failoverMinutes: "failover",
  monthlyPrice: "monthly price",
};

/** "tiers.1.availability" → "Tier 2 (Business): availability", for the list of problems above the form. */
export function labelOfKey(key: string, draft: ScenarioDraft): string {
  const tier = /^tiers\.(\d+)\.([a-zA-Z]+)/.exec(key);
  if (tier) {
    const index = Number(tier[1]);
    const name = draft.tiers[index]?.name.trim();
    return `Tier ${index + 1}${name ? ` (${name})` : ""}: ${TIER_FIELDS[tier[2]!] ?? tier[2]}`;
  }
  const credit = /^credits\.tiers\.(\d+)\.(belowAvailability|creditShare)/.exec(key);
  if (credit) return `Credit tier ${Number(credit[1]) + 1}: ${credit[2] === "creditShare" ? "credit" : "below availability"}`;
  let prefix = key;
  while (prefix && !(prefix in FIELD_LABELS)) prefix = prefix.includes(".") ? prefix.slice(0, prefix.lastIndexOf(".")) : "";
  return FIELD_LABELS[prefix] ?? key;
}

/** A further tier to compare: a copy of the last one under a name of its own. */
export function nextTier(tiers: readonly TierDraft[]): TierDraft {
  const last = tiers[tiers.length - 1];
  const names = new Set(tiers.map((t) => t.name.trim()));
  let n = tiers.length + 1;
  while (names.has(`Tier ${n}`)) n++;
  const base: Omit<TierDraft, "key" | "name"> = last ?? {
    availability: "99.9",
    support: DEFAULT_WEEKLY,
    responseMinutes: "60",
    onCallResponseMinutes: "",
    failoverMinutes: "",
    monthlyPrice: "0",
  };
  return { ...base, key: newKey("tier"), name: `Tier ${n}` };
}
