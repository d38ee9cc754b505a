import type { Metadata } from "next";
import Link from "next/link";
import { CalendarForm } from "@/components/contracts/calendar-form";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { hasStaffRole } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";
import { weeklyBusinessMinutes } from "@/server/calendars/business-time";
import { formatWeeklyHours } from "@/server/sla/format-weekly-hours";

export const metadata: Metadata = { title: "Calendars" };

const nextHoliday = (holidays: string[], today: string) => holidays.find((day) => day >= today);

/** Service and support calendars: the hours contracts count in and the help desk's clocks run in. */
export default async function CalendarsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const [{ edit }, calendars, actor] = await Promise.all([searchParams, (await serverCaller()).sla.calendars(), getActor()]);
  const keeps = actor !== null && hasStaffRole(actor, ["account_manager"]);
  const editing = keeps ? calendars.find((c) => c.id === edit) : undefined;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Calendars" description="Weekly hours in a time zone, less public holidays. Contracts name them; ticket deadlines count in them." />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="All calendars">
          <Table caption="Calendars">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Hours</Th>
                <Th>Time zone</Th>
                <Th className="text-right">Hours a week</Th>
                <Th>Next holiday</Th>
                {keeps && (
                  <Th>
                    <span className="sr-only">Edit</span>
                  </Th>
                )}
              </tr>
            </thead>
            <tbody>
              {calendars.map((c) => (
                <tr key={c.id}>
                  <Td className="font-medium">{c.name}</Td>
                  <Td>{formatWeeklyHours(c.frames, "en")}</Td>
                  <Td>{c.timeZone}</Td>
                  <Td className="text-right tabular-nums">{Math.round(weeklyBusinessMinutes(c) / 60)}</Td>
                  <Td className="tabular-nums">{nextHoliday(c.holidays, today) ?? "—"}</Td>
                  {keeps && (
                    <Td>
                      <Link href={`/accounts/calendars?edit=${c.id}`} className="text-brand-700 hover:underline" aria-label={`Edit ${c.name}`}>
                        Edit
                      </Link>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        {keeps && (
          <Card title={editing ? `Edit ${editing.name}` : "New calendar"}>
            <CalendarForm key={editing?.id ?? "new"} calendar={editing} />
          </Card>
        )}
      </div>
    </>
  );
}
