import type { Metadata } from "next";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "Audit log" };

function summary(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The newest changes first. Rendered as text by React, so recorded values can never inject markup. */
export default async function AuditPage() {
  const caller = await serverCaller();
  const events = await caller.audit.list({ limit: 100 });
  return (
    <>
      <PageHeader title="Audit log" description="Every change, who made it and when. Entries cannot be edited or deleted." />
      <Card>
        <Table caption="Audit events">
          <thead>
            <tr>
              <Th>When (UTC)</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>Subject</Th>
              <Th>Change</Th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap tabular-nums">{e.at.toISOString().replace("T", " ").slice(0, 19)}</Td>
                <Td>{e.actorLabel}</Td>
                <Td className="font-mono text-xs">{e.action}</Td>
                <Td className="font-mono text-xs">
                  {e.subjectType}:{e.subjectId.slice(0, 8)}
                </Td>
                <Td className="max-w-md truncate font-mono text-xs text-slate-600" title={summary(e.after)}>
                  {summary(e.after ?? e.before)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
