import { inArray } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { tickets, users } from "@/db/schema";
import { businessMinutesBetween } from "@/server/calendars/business-time";
import type { TicketPriority } from "@/server/contracts/terms";
import { targetMet, type ClockState } from "@/server/helpdesk/clock";
import { clockColumns, policyForOrg } from "@/server/helpdesk/clock-store";
import { addMessage } from "@/server/helpdesk/messages";

type Past = {
  org: "acme" | "globex";
  /** Whole months before the current one (UTC), and the how-manyth weekday of that month. */
  monthsAgo: number;
  weekday: number;
  requester: string;
  subject: string;
  priority: TicketPriority;
  /** Wall-clock minutes from filing to the first staff answer, and to solving it. */
  answeredAfter: number;
  solvedAfter: number;
  rating?: number;
};

const A = "owner@acme.test";
const D = "dev@acme.test";
const G = "owner@globex.test";
const DAY = 24 * 60;

/*
 * What the compliance report should tell: Acme mostly answered in time with one bad month (two
 * urgent tickets answered late), and last month 9 of 10 in time with a median of 42 minutes; Globex
 * with fewer tickets and one that slipped for a week. Acme has no history two months back: the help
 * desk's own tests count Acme's tickets in that month and expect none.
 *
 * Met targets are answered within the target's minutes on the wall clock, which a business clock
 * can only count as less; missed ones are urgent (Acme's urgent clock runs around the clock) or a
 * week late, so the outcomes below hold on any date. They are still computed with the desk's own
 * clock, so the columns agree with what the app would have decided.
 */
const history: readonly Past[] = [
  { org: "acme", monthsAgo: 5, weekday: 2, requester: A, subject: "Does the certificate for shop.acme.test renew by itself?", priority: "low", answeredAfter: 35, solvedAfter: 120 },
  { org: "acme", monthsAgo: 5, weekday: 6, requester: D, subject: "Add an SSH key for our new developer", priority: "normal", answeredAfter: 28, solvedAfter: 90, rating: 5 },
  { org: "acme", monthsAgo: 5, weekday: 11, requester: D, subject: "acme-web01 slow after Tuesday's deploy", priority: "high", answeredAfter: 22, solvedAfter: 300 },
  { org: "acme", monthsAgo: 5, weekday: 17, requester: D, subject: "Please raise the PHP memory limit on acme-web01", priority: "normal", answeredAfter: 55, solvedAfter: 240 },

  { org: "acme", monthsAgo: 4, weekday: 3, requester: A, subject: "Shop answers with 502 errors", priority: "urgent", answeredAfter: 95, solvedAfter: 600, rating: 2 },
  { org: "acme", monthsAgo: 4, weekday: 4, requester: D, subject: "Database replica on acme-db01 is lagging", priority: "urgent", answeredAfter: 140, solvedAfter: 420, rating: 3 },
  { org: "acme", monthsAgo: 4, weekday: 8, requester: A, subject: "Last night's backup of acme-db01 is missing", priority: "high", answeredAfter: 45, solvedAfter: 600 },
  { org: "acme", monthsAgo: 4, weekday: 13, requester: D, subject: "Cron mails from acme-mail01 land in spam", priority: "normal", answeredAfter: 70, solvedAfter: 1300 },
  { org: "acme", monthsAgo: 4, weekday: 18, requester: D, subject: "Allow our payment provider's addresses through the firewall", priority: "normal", answeredAfter: 38, solvedAfter: 200 },

  { org: "acme", monthsAgo: 3, weekday: 5, requester: D, subject: "Disk almost full on acme-db01", priority: "high", answeredAfter: 18, solvedAfter: 180, rating: 5 },
  { org: "acme", monthsAgo: 3, weekday: 9, requester: A, subject: "Invoice address for next quarter", priority: "low", answeredAfter: 120, solvedAfter: 240 },
  { org: "acme", monthsAgo: 3, weekday: 15, requester: D, subject: "Enable HTTP/2 on the shop", priority: "normal", answeredAfter: 33, solvedAfter: 400 },

  { org: "acme", monthsAgo: 1, weekday: 1, requester: A, subject: "Shop pages slow for customers abroad", priority: "urgent", answeredAfter: 12, solvedAfter: 200, rating: 5 },
  { org: "acme", monthsAgo: 1, weekday: 3, requester: D, subject: "New mailbox for orders@acme.test", priority: "normal", answeredAfter: 25, solvedAfter: 120 },
  { org: "acme", monthsAgo: 1, weekday: 5, requester: D, subject: "Which PHP versions can acme-web01 run?", priority: "low", answeredAfter: 31, solvedAfter: 60 },
  { org: "acme", monthsAgo: 1, weekday: 6, requester: D, subject: "Restore one table from yesterday's backup", priority: "high", answeredAfter: 38, solvedAfter: 260, rating: 5 },
  { org: "acme", monthsAgo: 1, weekday: 8, requester: A, subject: "Two-factor sign-in for our team", priority: "normal", answeredAfter: 40, solvedAfter: 180 },
  { org: "acme", monthsAgo: 1, weekday: 10, requester: D, subject: "Redirect www to the bare domain", priority: "normal", answeredAfter: 44, solvedAfter: 150 },
  { org: "acme", monthsAgo: 1, weekday: 12, requester: D, subject: "Raise the upload size limit for product images", priority: "normal", answeredAfter: 52, solvedAfter: 210 },
  { org: "acme", monthsAgo: 1, weekday: 14, requester: A, subject: "Maintenance window next month: can we move it?", priority: "low", answeredAfter: 75, solvedAfter: 300 },
  { org: "acme", monthsAgo: 1, weekday: 16, requester: A, subject: "Shop down after the payment plugin update", priority: "urgent", answeredAfter: 95, solvedAfter: 540, rating: 3 },
  { org: "acme", monthsAgo: 1, weekday: 19, requester: D, subject: "Staging database refresh from production", priority: "normal", answeredAfter: 140, solvedAfter: 900 },

  { org: "globex", monthsAgo: 4, weekday: 7, requester: G, subject: "Mail from globex-app01 bounces at one customer", priority: "normal", answeredAfter: 90, solvedAfter: 400 },
  { org: "globex", monthsAgo: 2, weekday: 4, requester: G, subject: "DNS record for api.globex.test", priority: "low", answeredAfter: 180, solvedAfter: 300 },
  { org: "globex", monthsAgo: 2, weekday: 6, requester: G, subject: "Renew the wildcard certificate for globex.test", priority: "low", answeredAfter: 60, solvedAfter: 200 },
  { org: "globex", monthsAgo: 2, weekday: 9, requester: G, subject: "Log rotation fills /var on globex-app01", priority: "normal", answeredAfter: 7 * DAY, solvedAfter: 8 * DAY, rating: 2 },
  { org: "globex", monthsAgo: 1, weekday: 2, requester: G, subject: "Add a second admin to our account", priority: "low", answeredAfter: 30, solvedAfter: 90, rating: 4 },
  { org: "globex", monthsAgo: 1, weekday: 7, requester: G, subject: "Nightly job on globex-app01 runs twice", priority: "normal", answeredAfter: 65, solvedAfter: 500 },
  { org: "globex", monthsAgo: 1, weekday: 15, requester: G, subject: "Open the staging site to our agency", priority: "normal", answeredAfter: 110, solvedAfter: 480 },
];

const AGENT = "agent@hostdesk.test";
// Acme works from Berlin, Globex from New York: both file in the morning of their office day.
const FILED_AT_UTC_HOUR = { acme: 8.5, globex: 15 } as const;
// Solved tickets close by themselves after a few days unless the customer writes again.
const CLOSES_AFTER_MINUTES = 3 * DAY;

/** The n-th Monday-to-Friday (1-based) of the month `monthsAgo` months before now (UTC), at `hour` UTC. */
function weekdayOfMonth(now: Date, monthsAgo: number, n: number, hour: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  let seen = 0;
  for (;;) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && ++seen === n) break;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return new Date(day.getTime() + hour * 3600_000);
}

const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * Finished tickets from the months before the demo's morning, so the SLA compliance report has a
 * history to show. Written directly with their past timestamps (the desk's functions stamp "now"),
 * all solved or closed so they stay out of every working queue. Runs before the open tickets are
 * filed, so the history has the lower ticket numbers, as it would have.
 */
export async function seedTicketHistory(db: Db, orgIds: { acme: string; globex: string }, now = new Date()): Promise<void> {
  const people = await db.select().from(users).where(inArray(users.email, [A, D, G, AGENT]));
  const person = (email: string) => {
    const user = people.find((p) => p.email === email);
    if (!user) throw new Error(`demo user ${email} is missing`);
    return { userId: user.id, email: user.email, name: user.name, isStaff: email === AGENT };
  };
  const agent = person(AGENT);
  await db.transaction(async (tx) => {
    for (const past of history) {
      const orgId = orgIds[past.org];
      const requester = person(past.requester);
      const filedAt = weekdayOfMonth(now, past.monthsAgo, past.weekday, FILED_AT_UTC_HOUR[past.org]);
      const answeredAt = later(filedAt, past.answeredAfter);
      const solvedAt = later(filedAt, past.solvedAfter);
      const closedAt = later(solvedAt, CLOSES_AFTER_MINUTES);
      const closed = closedAt <= now;
      const policy = await policyForOrg(tx, orgId, past.priority, filedAt);
      const running: ClockState = { status: "open", consumedMinutes: 0, runningSince: filedAt, firstRespondedAt: null, awaitingReplySince: null };
      const stopped: ClockState = {
        status: closed ? "closed" : "solved",
        consumedMinutes: businessMinutesBetween(filedAt, solvedAt, policy.calendar),
        runningSince: null,
        firstRespondedAt: answeredAt,
        awaitingReplySince: null,
      };
      const [ticket] = await tx
        .insert(tickets)
        .values({
          orgId,
          requesterId: requester.userId,
          requesterEmail: requester.email,
          subject: past.subject,
          priority: past.priority,
          assigneeId: agent.userId,
          replyToken: randomBytes(18).toString("base64url"),
          satisfactionRating: past.rating ?? null,
          createdAt: filedAt,
          updatedAt: closed ? closedAt : solvedAt,
          solvedAt,
          closedAt: closed ? closedAt : null,
          ...clockColumns(stopped, policy),
          firstResponseMet: targetMet(running, answeredAt, policy, "firstResponseMinutes"),
          resolutionMet: targetMet(running, solvedAt, policy, "resolutionMinutes"),
        })
        .returning({ id: tickets.id });
      const message = { ticketId: ticket!.id, visibility: "public", channel: "portal" } as const;
      await addMessage(tx, requester, { ...message, body: `${past.subject}. Could you have a look, please?`, at: filedAt });
      await addMessage(tx, agent, { ...message, channel: "desk", body: "Thanks, we are on it and will update you here.", at: answeredAt });
      await addMessage(tx, agent, { ...message, channel: "desk", body: "This is done now. Tell us if anything still looks wrong.", at: solvedAt });
    }
  });
}
