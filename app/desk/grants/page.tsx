import type { Metadata } from "next";
import { GrantManager } from "@/components/delegation/grant-manager";
import { serverCaller } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Grants" };

/** What each customer may configure itself: pick an org, then grant or revoke. */
export default async function DeskGrantsPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { org } = await searchParams;
  const caller = await serverCaller();
  const [orgs, kinds] = await Promise.all([caller.orgs.list(), caller.delegation.kinds()]);
  const customers = orgs.filter((o) => o.kind === "customer");
  const current = customers.find((o) => o.slug === org || o.id === org) ?? customers[0];
  return (
    <>
      <PageHeader title="Grants" description="Which configuration each customer may change on its own servers, and whether changes wait for review." />
      <form method="get" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="grant-org" className="font-medium text-slate-700">
          Customer
        </label>
        <select id="grant-org" name="org" defaultValue={current?.slug} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {customers.map((o) => (
            <option key={o.id} value={o.slug}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Show
        </button>
      </form>
      {current ? <GrantManager key={current.id} orgId={current.id} orgName={current.name} kinds={kinds} /> : <p className="text-slate-600">There are no customer organisations yet.</p>}
    </>
  );
}
