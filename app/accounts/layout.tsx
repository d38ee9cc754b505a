import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireArea } from "@/server/auth/session";

export default async function AccountsLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea("accounts");
  return (
    <AppShell
      actor={actor}
      area="accounts"
      sections={[
        { href: "/accounts", label: "Customers", exact: true },
        { href: "/accounts/calculator", label: "Calculator" },
        { href: "/accounts/proposals", label: "Proposals" },
        { href: "/accounts/calendars", label: "Calendars" },
      ]}
    >
      {children}
    </AppShell>
  );
}
