"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { customerRoles, roleLabels, staffRoles } from "@/server/auth/roles";

type OrgOption = { id: string; name: string; kind: "provider" | "customer" };

/** Creates a user in one org with one role; without a password, a temporary one is shown once. */
export function CreateUserForm({ orgs }: { orgs: OrgOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState(orgs.find((o) => o.kind === "customer")?.id ?? orgs[0]?.id ?? "");
  const org = orgs.find((o) => o.id === orgId);
  const roles = org?.kind === "provider" ? staffRoles : customerRoles;
  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    create.mutate(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        orgId,
        role: String(form.get("role")) as (typeof roles)[number],
        password: password || undefined,
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" aria-label="Create user">
      <TextField label="Email" name="email" type="email" required className="lg:col-span-2" />
      <TextField label="Name" name="name" required />
      <SelectField label="Organisation" name="orgId" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Role" name="role" key={org?.kind}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </SelectField>
      <TextField label="Password" name="password" type="password" autoComplete="new-password" hint="Empty: a temporary one" />
      <div className="sm:col-span-2 lg:col-span-6">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create user"}
        </Button>
      </div>
      <ErrorNote error={create.error} className="sm:col-span-2 lg:col-span-6" />
      {create.data && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 sm:col-span-2 lg:col-span-6">
          Created {create.data.email}.
          {create.data.temporaryPassword && (
            <>
              {" "}
              Temporary password (shown once — pass it on securely):{" "}
              <code className="rounded bg-white px-1.5 py-0.5 font-mono" data-testid="temporary-password">
                {create.data.temporaryPassword}
              </code>
            </>
          )}
        </p>
      )}
    </form>
  );
}
