import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireArea } from "@/server/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea("portal");
  return (
    <AppShell actor={actor} area="portal" sections={[
        { href: "/portal", label: "Overview", exact: true },
        { href: "/portal/vms", label: "Your servers" },
        { href: "/portal/config", label: "Configuration" },
        { href: "/portal/tickets", label: "Support" },
        { href: "/portal/sla", label: "Service level" },
      ]}>
      {children}
    </AppShell>
  );
}
