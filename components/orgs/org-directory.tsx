import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";

type OrgRow = { id: string; name: string; slug: string; memberCount: number; createdAt: Date };
type Directory = { rows: OrgRow[]; total: number; page: number; pageSize: number };

/** Customer orgs a page at a time with a name filter; the first place staff look a customer up. */
export function OrgDirectory({
  basePath,
  directory,
  search,
  orgHref,
}: {
  basePath: string;
  directory: Directory;
  search?: string;
  /** Where an org's name leads, if the area has a page per org. */
  orgHref?: (orgId: string) => string;
}) {
  const { rows, total, page, pageSize } = directory;
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}`;
  return (
    <div className="space-y-3">
      <form method="get" action={basePath} role="search" className="flex gap-2">
        <input
          type="search"
          name="q"
          defaultValue={search}
          placeholder="Find a customer by name"
          aria-label="Find a customer by name"
          className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
      </form>
      <Table caption="Customer organisations">
        <thead>
          <tr>
            <Th>Organisation</Th>
            <Th>Slug</Th>
            <Th className="text-right">People</Th>
            <Th>Customer since</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((org) => (
            <tr key={org.id}>
              <Td className="font-medium">
                {orgHref ? (
                  <Link href={orgHref(org.id)} className="text-brand-700 hover:underline">
                    {org.name}
                  </Link>
                ) : (
                  org.name
                )}
              </Td>
              <Td className="text-slate-600">{org.slug}</Td>
              <Td className="text-right tabular-nums">{org.memberCount}</Td>
              <Td className="tabular-nums">{org.createdAt.toISOString().slice(0, 10)}</Td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <Td colSpan={4} className="text-slate-500">
                {search ? `No customer matches “${search}”.` : "No customer organisations yet."}
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
      <Pager total={total} page={page} pageSize={pageSize} noun="customer" hrefFor={href} />
    </div>
  );
}
