import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireArea } from "@/server/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea("admin");
  return (
    <AppShell
      actor={actor}
      area="admin"
      sections={[
        { href: "/admin/users", label: "Users" },
        { href: "/admin/orgs", label: "Organisations" },
        { href: "/admin/audit", label: "Audit log" },
      ]}
    >
      {children}
    </AppShell>
  );
}
