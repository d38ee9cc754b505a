import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { environmentLabels, formatDisk, formatMemory } from "./format";

type VmRow = {
  id: string;
  name: string;
  orgName: string;
  environment: keyof typeof environmentLabels;
  role: string;
  status: string;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  hypervisorName: string;
  storagePoolName: string;
};

const statusTone = { running: "good", provisioning: "info", stopped: "neutral", failed: "bad", retired: "neutral" } as const;

/** VMs in a dense table; `hrefFor` decides where a row leads (desk or portal). */
export function VmTable({ rows, hrefFor, showOrg, showEnvironment = true }: { rows: VmRow[]; hrefFor: (id: string) => string; showOrg: boolean; showEnvironment?: boolean }) {
  return (
    <Table caption="Virtual machines">
      <thead>
        <tr>
          <Th>Name</Th>
          {showOrg && <Th>Customer</Th>}
          {showEnvironment && <Th>Environment</Th>}
          <Th>Status</Th>
          <Th className="text-right">vCPUs</Th>
          <Th className="text-right">Memory</Th>
          <Th className="text-right">Disk</Th>
          <Th>Hypervisor</Th>
          <Th>Storage pool</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((vm) => (
          <tr key={vm.id}>
            <Td className="font-medium">
              <Link href={hrefFor(vm.id)} className="text-brand-700 hover:underline">
                {vm.name}
              </Link>
              <span className="ml-2 text-xs text-slate-500">{vm.role}</span>
            </Td>
            {showOrg && <Td>{vm.orgName}</Td>}
            {showEnvironment && <Td>{environmentLabels[vm.environment]}</Td>}
            <Td>
              <Badge tone={statusTone[vm.status as keyof typeof statusTone] ?? "neutral"}>{vm.status}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{vm.vcpus}</Td>
            <Td className="text-right tabular-nums">{formatMemory(vm.memoryMb)}</Td>
            <Td className="text-right tabular-nums">{formatDisk(vm.diskGb)}</Td>
            <Td>{vm.hypervisorName}</Td>
            <Td>{vm.storagePoolName}</Td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <Td colSpan={7 + Number(showOrg) + Number(showEnvironment)} className="text-slate-500">
              No VMs match.
            </Td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
