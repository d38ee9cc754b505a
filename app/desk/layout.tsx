import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireArea } from "@/server/auth/session";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea("desk");
  return (
    <AppShell actor={actor} area="desk" sections={[
        { href: "/desk", label: "Customers", exact: true },
        { href: "/desk/inventory", label: "Inventory" },
      ]}>
      {children}
    </AppShell>
  );
}
