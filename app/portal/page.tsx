import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/components/trpc/server";
import { roleLabels } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Your hosting" };

/** A customer's home: their organisation and team. Staff (admins) pick an org to see it as its customers do. */
export default async function PortalHome({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const caller = await serverCaller();
  const me = await caller.session.me();
  const orgs = (await caller.orgs.list()).filter((o) => o.kind === "customer");
  const { org: requested } = await searchParams;
  const current = orgs.find((o) => o.slug === requested) ?? orgs[0];
  const org = current ? await caller.orgs.get({ orgId: current.id }) : null;
  const myRole = org?.members.find((m) => m.userId === me.userId)?.role;

  return (
    <>
      <PageHeader
        title={org ? org.name : "Your hosting"}
        description={`Welcome, ${me.name}.${myRole ? ` You are ${roleLabels[myRole].toLowerCase()} of ${org?.name}.` : ""}`}
      />
      {orgs.length > 1 && (
        <nav aria-label="Organisations" className="mb-4 flex flex-wrap gap-2 text-sm">
          {orgs.map((o) => (
            <Link
              key={o.id}
              href={`/portal?org=${o.slug}`}
              aria-current={o.id === org?.id ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
            >
              {o.name}
            </Link>
          ))}
        </nav>
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
