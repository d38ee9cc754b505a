import type { MonthOfService } from "@/server/helpdesk/compliance";
import { Table, Td, Th } from "@/components/ui/table";
import { ComplianceChart } from "./compliance-chart";
import { spokenMonth } from "./compliance-chart-layout";
import { ComplianceMedianChart } from "./compliance-median-chart";
import { complianceSummary, durationShort, monthShare, percentMet } from "./compliance-words";

const share = (met: number, total: number) => (total > 0 ? `${met} of ${total} (${percentMet(met, total)} %)` : "—");

/**
 * How the service level was kept, month by month: the summary in words first, then the share of
 * first answers in time and the median first answer as charts, then every figure in a table for
 * screen readers and anyone who wants the numbers. Renders on the server; nothing here needs JS.
 */
export function ComplianceReport({ months, hasContract }: { months: readonly MonthOfService[]; hasContract: boolean }) {
  return (
    <div className="space-y-5">
      <div data-testid="compliance-summary" className="space-y-1 text-base text-slate-800">
        {complianceSummary(months, hasContract).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      <ComplianceChart months={months} hasContract={hasContract} />
      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-800">Time to a first answer (median)</h3>
        <ComplianceMedianChart months={months} />
      </div>
      <Table caption="Service level kept, month by month">
        <thead>
          <tr>
            <Th>Month</Th>
            <Th>Tickets</Th>
            <Th>First answers in time</Th>
            <Th>Median first answer</Th>
            <Th>Solved in time</Th>
          </tr>
        </thead>
        <tbody>
          {months.map((m, i) => (
            <tr key={m.month}>
              <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left font-medium text-slate-800">
                {spokenMonth(months, i)}
              </th>
              <Td className="tabular-nums">{m.tickets}</Td>
              <Td className="tabular-nums">{m.tickets === 0 ? monthShare(m) : share(m.firstResponsesMet, m.firstResponses)}</Td>
              <Td className="tabular-nums">{m.medianFirstResponseMinutes === null ? "—" : durationShort(m.medianFirstResponseMinutes)}</Td>
              <Td className="tabular-nums">{share(m.resolutionsMet, m.resolutions)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-xs text-slate-600">
        Tickets count in the month they were filed; merged duplicates are left out. When a first answer is due depends on the ticket&apos;s priority and{" "}
        {hasContract ? "the support hours in the contract" : "our standard support hours"}.
      </p>
    </div>
  );
}
