import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireArea } from "@/server/auth/session";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea("desk");
  return (
    <AppShell actor={actor} area="desk" sections={[
        { href: "/desk", label: "Queue", exact: true },
        { href: "/desk/approvals", label: "Approvals" },
        { href: "/desk/customers", label: "Customers" },
        { href: "/desk/inventory", label: "Inventory" },
        { href: "/desk/mail", label: "Mail" },
      ]}>
      {children}
    </AppShell>
  );
}
