import type { Metadata } from "next";
import { queueHref } from "@/components/helpdesk/desk-queue-params";
import { DirectoryPage } from "@/components/orgs/directory-page";

export const metadata: Metadata = { title: "Customers" };

/** The customer directory; a customer's name leads to all of their tickets in the queue. */
export default function DeskCustomers({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  return (
    <DirectoryPage
      title="Customers"
      description="Customers we look after."
      basePath="/desk/customers"
      searchParams={searchParams}
      orgHref={(orgId) => queueHref({ view: "all", orgId, page: 1 })}
    />
  );
}
