import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { ScenarioResult } from "@/server/sla/scenario";
import { formatWeeklyHours } from "@/server/sla/format-weekly-hours";
import type { ScenarioInput } from "@/server/sla/schemas";
import { framesOf } from "@/server/sla/weekly-frames";
import { CostChart } from "./cost-chart";
import { DowntimeChart } from "./downtime-chart";
import { duration, money, MONTH_KIND_LABELS, MONTH_NAMES, PER_WINDOW, WINDOW_LABELS, YEAR_CONVENTION_LABELS } from "./format";
import { formatPercent } from "./number-text";
import { tierVerdict, tierWindowDowntime } from "./tier-verdict";

type Props = { result: ScenarioResult; input: ScenarioInput };

const LONG = { largestUnit: "d", maxParts: 3 } as const;

/** "28d (February)" and friends as the month-convention table shows them. */
const CONVENTION_NAMES: Record<string, string> = {
  "28d (February)": "28 days (February)",
  "30d": "30 days",
  "730h": "730 hours",
  "30.44d": "30.44 days (mean month)",
  "31d": "31 days",
};

function monthConventionName(input: ScenarioInput): string {
  const month = input.target.monthConvention;
  return month.kind === "calendar" ? `${MONTH_NAMES[month.month - 1]} ${month.year}` : MONTH_KIND_LABELS[month.kind];
}

function monthPhrase(input: ScenarioInput): string {
  const month = input.target.monthConvention;
  const phrases = { "30.44d": "a mean month of 30.44 days", "30d": "a 30-day month", "730h": "a month of 730 hours" } as const;
  return month.kind === "calendar" ? `${MONTH_NAMES[month.month - 1]} ${month.year}` : phrases[month.kind];
}

/** The convention in use among the spread's rows, when it is one of them. */
function conventionInUse(input: ScenarioInput): string | null {
  const month = input.target.monthConvention;
  if (month.kind !== "calendar") return month.kind;
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  return days === 28 ? "28d (February)" : days === 30 ? "30d" : days === 31 ? "31d" : null;
}

function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {items.map(([term, value], i) => (
        <div key={i} className="flex justify-between gap-3 border-b border-slate-100 pb-1">
          <dt className="text-slate-600">{term}</dt>
          <dd className="text-right font-medium tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The figure the negotiation starts from, in words. */
export function Headline({ result, input }: Props) {
  const { target } = result;
  return (
    <Card className="break-inside-avoid">
      <p className="text-sm text-slate-600">Allowed downtime</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="allowed-downtime">
        {duration(target.allowedDowntime.seconds)} {PER_WINDOW[target.window]}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {formatPercent(target.availability, 4)} availability over a {target.window}
        {input.target.window === "month" ? ` (${monthPhrase(input)})` : ""}
        {target.serviceShare < 1 ? `, counted in service hours only (${formatPercent(target.serviceShare, 1)} of the time)` : ", counted around the clock"}.
      </p>
    </Card>
  );
}

export function WindowResults({ result, input }: Props) {
  return (
    <Card title="Allowed downtime per window" className="break-inside-avoid">
      <Table caption={`Allowed downtime per window at ${formatPercent(result.target.availability, 4)}`}>
        <thead>
          <tr>
            <Th>Window</Th>
            <Th>Length</Th>
            <Th className="text-right">Allowed downtime</Th>
          </tr>
        </thead>
        <tbody>
          {result.downtimeByWindow.map((row) => (
            <tr key={row.window} className={cn(row.window === result.target.window && "bg-brand-50")}>
              <Td>
                {WINDOW_LABELS[row.window]}
                {row.window === result.target.window && (
                  <span className="ml-2">
                    <Badge tone="info">contract window</Badge>
                  </span>
                )}
              </Td>
              <Td className="tabular-nums text-slate-600">{duration(row.windowSeconds, LONG)}</Td>
              <Td className="text-right font-medium tabular-nums">{duration(row.allowed.seconds)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-500">
        Months: {monthConventionName(input).toLowerCase()}; years: {YEAR_CONVENTION_LABELS[input.target.yearConvention].toLowerCase()}. A quarter is a quarter of the year.
      </p>
    </Card>
  );
}

export function MonthSpreadResults({ result, input }: Props) {
  const { monthConventions: spread } = result;
  const inUse = conventionInUse(input);
  return (
    <Card title="What “a month” means" className="break-inside-avoid">
      <p className="mb-2 text-sm text-slate-700">
        Depending on how long a month is taken to be, {formatPercent(result.target.availability, 4)} allows between {duration(spread.min.seconds)} and {duration(spread.max.seconds)} a month: a spread of{" "}
        <strong>{duration(spread.spread.seconds)}</strong>. The contract should name its convention.
      </p>
      <Table caption="Allowed downtime per month under each month convention">
        <thead>
          <tr>
            <Th>Month length</Th>
            <Th className="text-right">Allowed downtime</Th>
          </tr>
        </thead>
        <tbody>
          {spread.byConvention.map((row) => (
            <tr key={row.convention} className={cn(row.convention === inUse && "bg-brand-50")}>
              <Td>
                {CONVENTION_NAMES[row.convention] ?? row.convention}
                {row.convention === inUse && (
                  <span className="ml-2">
                    <Badge tone="info">in use</Badge>
                  </span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{duration(row.allowed.seconds)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

export function OutageResults({ result, input }: Props) {
  const clause = input.target.maxSingleOutageMinutes;
  return (
    <Card title="Longest single outage" className="break-inside-avoid">
      <p className="mb-2 text-sm text-slate-700">
        {clause === null
          ? "No clause limits a single outage: one outage may use a window's whole allowance."
          : `The clause allows no single outage longer than ${duration(clause * 60)}; below that, a window's allowance is the limit.`}
      </p>
      <Table caption="Longest single outage per window against the clause">
        <thead>
          <tr>
            <Th>Window</Th>
            <Th className="text-right">Allowance</Th>
            <Th className="text-right">Longest single outage</Th>
            <Th>Limited by</Th>
          </tr>
        </thead>
        <tbody>
          {result.longestOutage.map((row) => (
            <tr key={row.window}>
              <Td>{WINDOW_LABELS[row.window]}</Td>
              <Td className="text-right tabular-nums">{duration(row.budget.seconds, LONG)}</Td>
              <Td className="text-right font-medium tabular-nums">{duration(row.longest.seconds, LONG)}</Td>
              <Td>{row.limitedBy === "clause" ? "the clause" : "the allowance"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

export function CoverageResults({ result, input }: Props) {
  const { coverage } = result;
  const allowedPerYear = result.downtimeByWindow.find((row) => row.window === "year")?.allowed.seconds ?? 0;
  const failures = input.coverage.failuresPerYear;
  return (
    <Card title="Can support deliver it?" className="break-inside-avoid">
      <p className={cn("mb-3 rounded-md p-2 text-sm", coverage.meetsTarget ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900")} data-testid="meets-target">
        {coverage.meetsTarget
          ? `Yes. With ${failures} failure${failures === 1 ? "" : "s"} a year, this support model leads to about ${duration(coverage.expectedDowntimePerYear.seconds)} of downtime a year, within the ${duration(allowedPerYear)} the target allows.`
          : `No. With ${failures} failure${failures === 1 ? "" : "s"} a year, this support model leads to about ${duration(coverage.expectedDowntimePerYear.seconds)} of downtime a year, more than the ${duration(allowedPerYear)} the target allows. Faster response, on-call cover or failover would close the gap.`}
      </p>
      <Facts
        items={[
          ["Support staffed", `${formatPercent(coverage.supportShare, 0)} of the week`],
          ["Expected wait for someone", duration(coverage.expectedWait.seconds)],
          ["9 in 10 failures wait at most", duration(coverage.p90Wait.seconds)],
          ["Time to restore (detect + wait + repair)", duration(coverage.restore.seconds)],
          ["Outage per failure, on average", duration(coverage.outagePerFailure.seconds)],
          ...(input.coverage.failoverMinutes !== null ? ([["Without a standby per failure", duration(coverage.unprotectedPerFailure.seconds)]] as [string, string][]) : []),
          ["Expected downtime per year", duration(coverage.expectedDowntimePerYear.seconds)],
          ["Achievable availability", formatPercent(coverage.achievableAvailability)],
        ]}
      />
    </Card>
  );
}

export function CostResults({ result }: Props) {
  const { cost, currency } = result;
  const m = (amount: number) => money(amount, currency);
  return (
    <Card title="What downtime costs the customer" className="break-inside-avoid">
      <p className="mb-3 text-sm text-slate-700">
        An hour of downtime costs about <strong>{m(cost.perHour)}</strong>, and each incident adds <strong>{m(cost.perIncident)}</strong> of clean-up. Using the target&apos;s whole
        allowance would cost {m(cost.annualAtTarget)} a year.
      </p>
      <Facts
        items={[
          ["Lost revenue per hour", m(cost.revenueLossPerHour)],
          ["Lost work per hour", m(cost.productivityLossPerHour)],
          ["Time-of-day factor", cost.timeOfDayFactor.toLocaleString("en-GB", { maximumFractionDigits: 2 })],
          ["Cost per hour", m(cost.perHour)],
          ["Cost per incident", m(cost.perIncident)],
          ["Per year at the target", m(cost.annualAtTarget)],
        ]}
      />
    </Card>
  );
}

export function TierResults({ result, input }: Props) {
  const { tiers, currency } = result;
  const m = (amount: number) => money(amount, currency);
  const signed = (amount: number) => (amount < 0 ? `−${m(-amount)}` : m(amount));
  return (
    <Card title="Tiers compared" className="break-inside-avoid-page">
      <p className="mb-3 rounded-md bg-emerald-50 p-2 text-sm text-emerald-900" data-testid="tier-verdict">
        <strong>Best value: {tiers.bestValue}.</strong> {tierVerdict(tiers, m)}
      </p>
      <Table caption="Tiers by price: downtime per year, its cost, the price and the total">
        <thead>
          <tr>
            <Th>Tier</Th>
            <Th className="text-right">Availability</Th>
            <Th className="text-right">Expected downtime / year</Th>
            <Th className="text-right">Its cost</Th>
            <Th className="text-right">Price / year</Th>
            <Th className="text-right">Total / year</Th>
          </tr>
        </thead>
        <tbody>
          {tiers.rows.map((row) => (
            <tr key={row.name} className={cn(row.isBestValue && "bg-emerald-50 font-medium")}>
              <Td>
                {row.name}
                {row.isBestValue && (
                  <span className="mt-0.5 block">
                    <Badge tone="good">Best value</Badge>
                  </span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatPercent(row.availability, 4)}</Td>
              <Td className="text-right tabular-nums">
                {duration(row.expectedDowntimePerYear.seconds)}
                <span className="block text-xs font-normal text-slate-500">
                  {row.expectedDowntimeBasis === "support"
                    ? `support achieves only this; the contract allows ${duration(row.allowedDowntimePerYear.seconds)}`
                    : `as the contract allows; support achieves ${duration(row.achievableDowntimePerYear.seconds)}`}
                </span>
              </Td>
              <Td className="text-right tabular-nums">{m(row.expectedDowntimeCost)}</Td>
              <Td className="text-right tabular-nums">{m(row.annualPrice)}</Td>
              <Td className="text-right tabular-nums">{m(row.totalCost)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h3 className="mt-4 text-sm font-semibold text-slate-800">What each step up is worth</h3>
      <Table caption="Each step to the next dearer tier: extra price, downtime cost saved, and the difference">
        <thead>
          <tr>
            <Th>Step</Th>
            <Th className="text-right">Extra price / year</Th>
            <Th className="text-right">Downtime cost saved</Th>
            <Th className="text-right">Net</Th>
            <Th className="text-right">Saved per nine</Th>
          </tr>
        </thead>
        <tbody>
          {tiers.steps.map((step) => (
            <tr key={`${step.from}-${step.to}`}>
              <Td>
                {step.from} → {step.to}
              </Td>
              <Td className="text-right tabular-nums">{m(step.priceIncrease)}</Td>
              <Td className="text-right tabular-nums">{signed(step.costReduction)}</Td>
              <Td className={cn("text-right tabular-nums", step.netBenefit < 0 ? "text-red-700" : "text-emerald-700")}>
                {signed(step.netBenefit)} <span className="text-xs">{step.netBenefit < 0 ? "(does not pay off)" : "(pays off)"}</span>
              </Td>
              <Td className="text-right tabular-nums">{step.costReductionPerNine === null ? "—" : signed(step.costReductionPerNine)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <div className="mt-5 grid grid-cols-1 gap-6 2xl:grid-cols-2 print:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">Allowed downtime per window</h3>
          <DowntimeChart rows={tierWindowDowntime(input)} />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">Price and expected downtime cost per year</h3>
          <CostChart tiers={tiers} currency={currency} />
        </div>
      </div>
    </Card>
  );
}

export function CreditResults({ result }: Props) {
  const { credits, currency } = result;
  const m = (amount: number) => money(amount, currency);
  const { example } = credits;
  return (
    <Card title="Service credits" className="break-inside-avoid">
      {credits.thresholds.length === 0 ? (
        <p className="text-sm text-slate-700">No credit tiers: a missed target costs the provider nothing.</p>
      ) : (
        <Table caption="Credit tiers: the availability below which a credit is due, and the downtime in a month that means">
          <thead>
            <tr>
              <Th>Availability below</Th>
              <Th className="text-right">Credit</Th>
              <Th className="text-right">Downtime in a month over</Th>
            </tr>
          </thead>
          <tbody>
            {credits.thresholds.map((tier) => (
              <tr key={tier.belowAvailability}>
                <Td className="tabular-nums">{formatPercent(tier.belowAvailability, 4)}</Td>
                <Td className="text-right tabular-nums">
                  {formatPercent(tier.creditShare, 1)} = {m(Math.floor(tier.creditShare * credits.monthlyFee))}
                </Td>
                <Td className="text-right tabular-nums">{duration(tier.downtimeOver.seconds)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="mt-3 text-sm text-slate-700" data-testid="credit-example">
        One outage of {duration(example.downtime.seconds)} in a month brings availability to {formatPercent(example.measuredAvailability)}
        {example.creditShare > 0 ? `; the credit is ${formatPercent(example.creditShare, 1)} of the ${m(credits.monthlyFee)} fee, ${m(example.credit)}` : "; no credit is due"}. The outage costs the
        customer {m(example.outageCost)}, so <strong>{m(example.uncoveredCost)}</strong> is not covered by the credit.
      </p>
    </Card>
  );
}

export function TermsResults({ result }: Props) {
  const languages = [
    { locale: "en" as const, name: "English" },
    { locale: "de" as const, name: "Deutsch" },
  ].sort((a, b) => Number(b.locale === result.locale) - Number(a.locale === result.locale));
  return (
    <Card title="The terms in plain words" className="break-inside-avoid">
      <div className="space-y-3">
        {languages.map(({ locale, name }) => (
          <div key={locale}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {name}
              {locale === result.locale && " · contract language"}
            </h3>
            <p lang={locale} className="mt-1 text-sm text-slate-900" data-testid={`terms-${locale}`}>
              {result.terms[locale]}
            </p>
          </div>
        ))}
      </div>
    </Card>
  );
}

/** What was assumed, for the printed proposal, where the inputs are not shown. */
export function PrintedAssumptions({ result, input }: Props) {
  const m = (amount: number) => money(amount, result.currency);
  const support = formatWeeklyHours(framesOf(input.coverage.support), "en");
  return (
    <section className="hidden break-inside-avoid rounded-lg border border-slate-200 p-4 print:block">
      <h2 className="mb-2 text-sm font-semibold">Assumptions</h2>
      <Facts
        items={[
          ["Target", `${formatPercent(input.target.availability, 4)} ${PER_WINDOW[input.target.window]}`],
          ["Month / year", `${monthConventionName(input)} / ${YEAR_CONVENTION_LABELS[input.target.yearConvention]}`],
          ["Support hours", support],
          ["Failures per year", String(input.coverage.failuresPerYear)],
          ["Detect + repair", duration((input.coverage.detectMinutes + input.coverage.repairMinutes) * 60)],
          ["Cost of an hour down", m(result.cost.perHour)],
          ...input.tiers.map((t): [string, string] => [`Tier ${t.name}`, `${formatPercent(t.availability, 4)}, ${m(t.monthlyPrice)} a month`]),
        ]}
      />
    </section>
  );
}
