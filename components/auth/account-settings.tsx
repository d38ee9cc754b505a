"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Password change and sign-out everywhere; both end every session, this one too. */
export function AccountSettings() {
  const trpc = useTRPC();
  const endSessions = () => void signOut({ callbackUrl: "/login?error=SessionEnded" });
  const change = useMutation(trpc.session.changePassword.mutationOptions({ onSuccess: endSessions }));
  const everywhere = useMutation(trpc.session.signOutEverywhere.mutationOptions({ onSuccess: endSessions }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") });
  }

  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form onSubmit={onSubmit} className="space-y-3" aria-label="Change password">
        <h2 className="text-sm font-semibold">Change password</h2>
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
        <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 12 characters." />
        <ErrorNote error={change.error} />
        <Button type="submit" disabled={change.isPending}>
          Change password
        </Button>
      </form>
      <div className="space-y-3">
        <h2 className="text-sm font-semibold">Sessions</h2>
        <p className="text-sm text-slate-600">Signed in on a computer you no longer use? End every session of your account, including this one.</p>
        <Button variant="secondary" onClick={() => everywhere.mutate()} disabled={everywhere.isPending}>
          Sign out everywhere
        </Button>
      </div>
    </div>
  );
}
