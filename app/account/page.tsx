import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSettings } from "@/components/auth/account-settings";
import { AppShell } from "@/components/shell/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { getActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?callbackUrl=/account");
  return (
    <AppShell actor={actor}>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email}`} />
      <Card>
        <AccountSettings />
      </Card>
    </AppShell>
  );
}
