import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";

export const complianceInput = z.object({ orgId: z.uuid(), months: z.number().int().min(1).max(24).default(6) });

export type MonthOfService = {
  /** The month as YYYY-MM (UTC). */
  month: string;
  tickets: number;
  firstResponses: number;
  firstResponsesMet: number;
  resolutions: number;
  resolutionsMet: number;
  /** Median minutes from filing to the first staff reply (wall-clock), null without replies. */
  medianFirstResponseMinutes: number | null;
};

/**
 * SLA compliance of one org month by month: how many first responses and resolutions came within
 * target, and the median first response. Tickets count in the month they were filed; merged
 * duplicates are left out. The org's own people may read it, like their contract.
 */
export async function monthlyCompliance(db: DbOrTx, actor: Actor, input: z.input<typeof complianceInput>): Promise<MonthOfService[]> {
  const { orgId, months } = complianceInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const result = await db.execute<{
    month: string;
    tickets: number;
    first_responses: number;
    first_responses_met: number;
    resolutions: number;
    resolutions_met: number;
    median_first_response_minutes: number | null;
  }>(sql`
    with months as (
      select to_char(m, 'YYYY-MM') as month, m as starts, m + interval '1 month' as ends
      from generate_series(date_trunc('month', now() at time zone 'utc') - make_interval(months => ${months - 1}), date_trunc('month', now() at time zone 'utc'), interval '1 month') m
    )
    select months.month,
      count(t.id)::int as tickets,
      count(t.first_response_met)::int as first_responses,
      count(*) filter (where t.first_response_met)::int as first_responses_met,
      count(t.resolution_met)::int as resolutions,
      count(*) filter (where t.resolution_met)::int as resolutions_met,
      percentile_cont(0.5) within group (order by extract(epoch from t.first_responded_at - t.created_at) / 60)
        filter (where t.first_responded_at is not null) as median_first_response_minutes
    from months
    left join tickets t on t.org_id = ${orgId} and t.merged_into_id is null
      and t.created_at >= months.starts at time zone 'utc' and t.created_at < months.ends at time zone 'utc'
    group by months.month order by months.month`);
  return result.rows.map((r) => ({
    month: r.month,
    tickets: r.tickets,
    firstResponses: r.first_responses,
    firstResponsesMet: r.first_responses_met,
    resolutions: r.resolutions,
    resolutionsMet: r.resolutions_met,
    medianFirstResponseMinutes: r.median_first_response_minutes === null ? null : Math.round(Number(r.median_first_response_minutes)),
  }));
}
