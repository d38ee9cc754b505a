import type { Metadata } from "next";
import Link from "next/link";
import { currentPortalOrg } from "@/components/portal/current-org";
import { OrgSwitcher } from "@/components/portal/org-switcher";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/components/trpc/server";
import { roleLabels } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Your hosting" };

/** A customer's home: their organisation and team. Staff (admins) pick an org to see it as its customers do. */
export default async function PortalHome({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const caller = await serverCaller();
  const me = await caller.session.me();
  const { orgs, current } = await currentPortalOrg((await searchParams).org);
  const [org, openTickets] = current
    ? await Promise.all([caller.orgs.get({ orgId: current.id }), caller.helpdesk.queue({ orgId: current.id, view: "open", pageSize: 10 })])
    : [null, null];
  const myRole = org?.members.find((m) => m.userId === me.userId)?.role;

  return (
    <>
      <PageHeader
        title={org ? org.name : "Your hosting"}
        description={`Welcome, ${me.name}.${myRole ? ` You are ${roleLabels[myRole].toLowerCase()} of ${org?.name}.` : ""}`}
      />
      <OrgSwitcher orgs={orgs} currentId={org?.id} basePath="/portal" />
      {current && openTickets && (
        <p className="mb-4 text-sm text-slate-700">
          <Link href={`/portal/tickets?org=${encodeURIComponent(current.slug)}`} className="font-medium text-brand-700 underline">
            Open tickets: {openTickets.totalIsCapped ? `more than ${openTickets.total}` : openTickets.total}
          </Link>
        </p>
      )}
      {org ? (
        <Card title="Your team">
          <ul className="divide-y divide-slate-100">
            {org.members.map((m) => (
              <li key={m.userId} className="flex items-center justify-between py-2 text-sm">
                <span>
                  <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span>
                </span>
                <Badge tone={m.role === "owner" ? "info" : "neutral"}>{roleLabels[m.role]}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      ) : (
        <p className="text-slate-600">You are not a member of any customer organisation yet.</p>
      )}
    </>
  );
}
