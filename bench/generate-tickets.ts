import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { renderMarkdown } from "@/server/helpdesk/markdown";

/**
 * The help desk's history at bench scale: N tickets (1,000,000 per unit of --scale) of the generated
 * customer orgs, about five messages each, and one long ticket of LONG_TICKET_MESSAGES messages.
 * Made in Postgres with generate_series, like the data centre. The full-text GIN indexes are dropped
 * while rows go in and built once afterwards (a bulk build is many times faster than millions of
 * single inserts into a GIN index); the database is the bench's own. Each ticket's words come from
 * the message trigger, once per insert statement (migration 0006_ticket_words).
 *
 * Tickets: 25 % still open (new, open, waiting, on hold) with deadlines spread around "now" so the
 * queue has breached, due-soon and on-track work; 10 % escalated; subjects from a small vocabulary.
 * Messages: 1–9 per ticket (mean 5), 15 % internal notes, bodies from a vocabulary in which
 * "backup" is common (about one message in five) and "latency" rare (one in fifty), so the search
 * scenario's two words meet in about 0.4 % of messages.
 */
export const ticketsPerScale = 1_000_000;
export const LONG_TICKET_SUBJECT = "Bench: the longest thread";
export const LONG_TICKET_MESSAGES = 500;
export const SEARCH_WORDS = "latency backup";

const subjects = ["Slow pages", "Checkout timeout", "Backup failed", "Disk almost full", "Certificate expiring", "DNS change", "Mail bounces", "Login fails", "Deploy stuck", "Memory alerts", "Firewall port", "Cron not running"];
const places = ["on web", "on the shop", "after the update", "since this morning", "for staging", "on the database", "for the API", "in production"];
const words = ["please", "check", "server", "error", "again", "restart", "backup", "logs", "customer", "urgent", "today", "deploy", "database", "disk", "queue", "thanks", "nginx", "cache", "memory", "timeout", "backup", "mail", "cron", "certificate", "renew", "firewall", "port", "login", "password", "slow"];

export async function generateTickets(db: Db, count: number, orgSlugPrefix: string): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  if (count <= 0) return timings;
  const step = async (name: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    timings[name] = (performance.now() - started) / 1000;
  };
  const [existing] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from tickets where reply_token like 'bench-%'`)).rows;
  const from = (existing?.n ?? 0) + 1;
  if (from > count) return timings;

  await db.execute(sql`set maintenance_work_mem = '512MB'`);
  await step("drop search indexes", () => db.execute(sql`drop index if exists tickets_search_idx, tickets_public_search_idx`));
  await step("tickets", () =>
    db.execute(sql`
      with org as (
        select o.id, (row_number() over (order by o.slug) - 1)::int as n, u.id as owner_id, u.email as owner_email
          from orgs o join memberships m on m.org_id = o.id and m.role = 'owner' join users u on u.id = m.user_id
         where o.kind = 'customer' and o.slug like ${`${orgSlugPrefix}%`}
      ), org_count as (select count(*)::int as n from org),
      staff as (
        select array_agg(u.id order by u.email) as ids from users u join memberships m on m.user_id = u.id
         where m.role in ('agent', 'engineer', 'admin')
      ),
      spec as (
        select i, (hashint4(i) & 2147483647) as h, now() - make_interval(mins => ((i::bigint * 7919) % (2 * 365 * 24 * 60))::int) as created,
               (array['new', 'open', 'open', 'waiting_on_customer', 'on_hold', 'solved', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'solved', 'closed', 'closed', 'closed'])[1 + (hashint4(i + 1) & 2147483647) % 16] as status
          from generate_series(${from}::int, ${count}::int) i
      )
      insert into tickets (org_id, requester_id, requester_email, subject, status, priority, level, assignee_id, tags, reply_token,
                           created_at, updated_at, solved_at, closed_at, sla_source, clock_running_since, first_responded_at,
                           first_response_met, resolution_met, next_due_at, next_warn_at, resolution_due_at)
      select org.id, org.owner_id, org.owner_email,
             (${sql.param(subjects)}::text[])[1 + spec.h % ${subjects.length}] || ' ' || (${sql.param(places)}::text[])[1 + spec.h / 7 % ${places.length}] || ' #' || spec.i,
             spec.status::ticket_status,
             (array['low', 'normal', 'normal', 'normal', 'high', 'urgent'])[1 + spec.h / 11 % 6]::ticket_priority,
             (case when spec.h % 10 = 0 then 'engineering' else 'support' end)::ticket_level,
             case when spec.h % 3 = 0 then null else (select ids from staff)[1 + spec.h % array_length((select ids from staff), 1)] end,
             case when spec.h % 5 = 0 then array['mail'] when spec.h % 5 = 1 then array['backup', 'storage'] else '{}'::text[] end,
             'bench-' || spec.i, spec.created, spec.created + interval '2 hours',
             case when spec.status = 'solved' then spec.created + interval '1 day' end,
             case when spec.status = 'closed' then spec.created + interval '3 days' end,
             'default policy',
             case when spec.status in ('new', 'open') then spec.created end,
             case when spec.status <> 'new' then spec.created + interval '1 hour' end,
             case when spec.status <> 'new' then spec.h % 10 <> 0 end,
             case when spec.status in ('solved', 'closed') then spec.h % 7 <> 0 end,
             -- Open work falls due between two days ago and a week ahead: some breached, some due soon.
             case when spec.status in ('new', 'open') then now() + make_interval(mins => spec.h % (9 * 24 * 60) - 2 * 24 * 60) end,
             case when spec.status in ('new', 'open') then now() + make_interval(mins => spec.h % (9 * 24 * 60) - 3 * 24 * 60) end,
             case when spec.status in ('new', 'open') then now() + make_interval(mins => spec.h % (9 * 24 * 60) - 2 * 24 * 60) end
        from spec join org on org.n = spec.i % (select n from org_count)`),
  );
  await step("messages", () =>
    db.execute(sql`
      insert into ticket_messages (ticket_id, author_id, author_email, author_name, author_kind, visibility, channel, body, body_html, created_at)
      select t.id, case when k % 2 = 1 then t.requester_id else t.assignee_id end,
             case when k % 2 = 1 then t.requester_email else 'agent@hostdesk.test' end,
             case when k % 2 = 1 then 'Customer' else 'Support' end,
             (case when k % 2 = 1 then 'customer' else 'staff' end)::message_author_kind,
             (case when k % 2 = 0 and (hashint4(k * 31 + t.number::int) & 2147483647) % 100 < 30 then 'internal' else 'public' end)::message_visibility,
             'portal'::message_channel,
             b.body, '<p>' || b.body || E'</p>\n',
             t.created_at + make_interval(mins => k * 37)
        from tickets t
        cross join lateral generate_series(1, 1 + (hashint4(t.number::int) & 2147483647) % 9) k
        cross join (select ${sql.param(words)}::text[] as words) w
        -- Plain words only, so the rendered body is the words in a paragraph (as markdown.ts renders them).
        cross join lateral (select concat_ws(' ', w.words[1 + (hashint4(t.number::int * 13 + k) & 2147483647) % ${words.length}],
                       w.words[1 + (hashint4(t.number::int * 17 + k) & 2147483647) % ${words.length}],
                       w.words[1 + (hashint4(t.number::int * 19 + k) & 2147483647) % ${words.length}],
                       case when (hashint4(t.number::int * 23 + k) & 2147483647) % 50 = 0 then 'latency' else 'update' end,
                       'on ticket', t.number, 'message', k) as body) b
       where t.reply_token like 'bench-%' and t.number >= (select min(number) from tickets where reply_token = ${`bench-${from}`})`),
  );
  await step("long ticket", async () => {
    const [long] = (
      await db.execute<{ id: string }>(sql`
        insert into tickets (org_id, requester_id, requester_email, subject, status, priority, reply_token, sla_source)
        select org_id, requester_id, requester_email, ${LONG_TICKET_SUBJECT}, 'open', 'normal', 'bench-long', 'default policy'
          from tickets where reply_token = 'bench-1'
        on conflict (reply_token) do nothing returning id`)
    ).rows;
    if (!long) return;
    // Real Markdown, rendered by the app's renderer, as addMessage would have stored it.
    const rows = Array.from({ length: LONG_TICKET_MESSAGES }, (_, i) => {
      const body = `Update ${i + 1}: we **checked** the \`backup\` job again.\n\n- disk ok\n- queue drained\n\nSee https://status.hostdesk.test/${i + 1}`;
      return { body, bodyHtml: renderMarkdown(body), internal: (i + 1) % 5 === 0, minutesAgo: LONG_TICKET_MESSAGES - i };
    });
    await db.execute(sql`
      insert into ticket_messages (ticket_id, author_email, author_name, author_kind, visibility, channel, body, body_html, created_at)
      select ${long.id}, 'agent@hostdesk.test', 'Support', 'staff', (case when r.internal then 'internal' else 'public' end)::message_visibility, 'desk',
             r.body, r.body_html, now() - make_interval(mins => r.minutes_ago)
        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ body: r.body, body_html: r.bodyHtml, internal: r.internal, minutes_ago: r.minutesAgo })))}::jsonb)
          as r(body text, body_html text, internal boolean, minutes_ago int)`);
  });
  await step("build search indexes", async () => {
    await db.execute(sql`create index if not exists tickets_search_idx on tickets using gin (search)`);
    await db.execute(sql`create index if not exists tickets_public_search_idx on tickets using gin (public_search)`);
  });
  await step("vacuum analyze", () => db.execute(sql`vacuum (analyze) tickets, ticket_messages`));
  return timings;
}

/** The long ticket the open-a-ticket scenario reads. */
export async function longTicketId(db: Db): Promise<string | null> {
  const [row] = (await db.execute<{ id: string }>(sql`select id from tickets where reply_token = 'bench-long'`)).rows;
  return row?.id ?? null;
}
