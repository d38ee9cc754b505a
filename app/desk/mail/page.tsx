import type { Metadata } from "next";
import { OutboxFilter, OutboxTable } from "@/components/mail/outbox-table";
import { QuarantineList, ResolvedList } from "@/components/mail/quarantine-list";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireArea } from "@/server/auth/session";
import { outboxStates } from "@/server/mail/schemas";

export const metadata: Metadata = { title: "Mail" };

type OutboxState = (typeof outboxStates)[number];
const isOutboxState = (value: string | undefined): value is OutboxState => (outboxStates as readonly string[]).includes(value ?? "");

export default async function DeskMailPage({ searchParams }: { searchParams: Promise<{ outbox?: string }> }) {
  // Layout and page render concurrently: guard here too, so a customer is redirected before any desk query runs.
  await requireArea("desk");
  const { outbox: requested } = await searchParams;
  const state = isOutboxState(requested) ? requested : "all";
  const caller = await serverCaller();
  const [outbox, held, resolved] = await Promise.all([caller.mail.outbox({ state, limit: 50 }), caller.mail.quarantine({ state: "open", limit: 50 }), caller.mail.quarantine({ state: "resolved", limit: 20 })]);
  return (
    <>
      <PageHeader
        title="Mail"
        description={
          outbox.deliveryConfigured
            ? "Mail to customers and staff goes out through the configured SMTP relay; failed mail can be retried here."
            : "No SMTP relay is configured (SMTP_URL), so mail stays here as the outbox: this is what would have been sent."
        }
      />
      <div className="space-y-6">
        <Card title="Held mail">
          <QuarantineList rows={held} />
        </Card>
        <Card title="Outbox" actions={<OutboxFilter current={state} />}>
          <OutboxTable rows={outbox.rows} />
        </Card>
        <Card title="Recently resolved">
          <ResolvedList rows={resolved} />
        </Card>
      </div>
    </>
  );
}
