import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";

type OrgRow = { id: string; name: string; slug: string; kind: "provider" | "customer"; memberCount: number; createdAt: Date };

/** The orgs a staff member can see, with their size; the first thing staff look up a customer in. */
export function OrgDirectory({ orgs }: { orgs: OrgRow[] }) {
  const customers = orgs.filter((o) => o.kind === "customer");
  return (
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
        {customers.map((org) => (
          <tr key={org.id}>
            <Td className="font-medium">{org.name}</Td>
            <Td>
              <Badge>{org.slug}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{org.memberCount}</Td>
            <Td>{org.createdAt.toISOString().slice(0, 10)}</Td>
          </tr>
        ))}
        {customers.length === 0 && (
          <tr>
            <Td colSpan={4} className="text-slate-500">
              No customer organisations yet.
            </Td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
