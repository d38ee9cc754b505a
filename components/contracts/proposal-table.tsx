import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { proposalStatusTone } from "./status-tone";

type Row = { id: string; orgId: string; orgName: string; title: string; status: keyof typeof proposalStatusTone; updatedAt: Date; versions: number | null };

/** Proposals newest first: what is being negotiated, with whom, and how far it got. */
export function ProposalTable({ rows, showOrg = true }: { rows: Row[]; showOrg?: boolean }) {
  return (
    <Table caption="Proposals">
      <thead>
        <tr>
          <Th>Proposal</Th>
          {showOrg && <Th>Customer</Th>}
          <Th>Status</Th>
          <Th className="text-right">Versions</Th>
          <Th>Last change</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <Td>
              <Link href={`/accounts/proposals/${p.id}`} className="font-medium text-brand-700 hover:underline">
                {p.title}
              </Link>
            </Td>
            {showOrg && (
              <Td>
                <Link href={`/accounts/orgs/${p.orgId}`} className="hover:underline">
                  {p.orgName}
                </Link>
              </Td>
            )}
            <Td>
              <Badge tone={proposalStatusTone[p.status]}>{p.status}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{p.versions ?? 0}</Td>
            <Td className="tabular-nums">{p.updatedAt.toISOString().slice(0, 10)}</Td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <Td colSpan={showOrg ? 5 : 4} className="text-slate-500">
              No proposals yet. Build one in the calculator and save it for a customer.
            </Td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
