"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { customerRoles, roleLabels, staffRoles, type Role } from "@/server/auth/roles";
import { errorMessage } from "@/components/ui/error-message";

type OrgOption = { id: string; name: string; kind: "provider" | "customer" };

/** Adds a membership, changes a role, or removes one; the role list follows the org's kind. */
export function MembershipEditor({
  userId,
  orgs,
  memberships,
  onChanged,
}: {
  userId: string;
  orgs: OrgOption[];
  memberships: { orgId: string; role: Role }[];
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [orgId, setOrgId] = useState(orgs[0]?.id ?? "");
  const org = orgs.find((o) => o.id === orgId);
  const roles = org?.kind === "provider" ? staffRoles : customerRoles;
  const current = memberships.find((m) => m.orgId === orgId)?.role;
  const [role, setRole] = useState<Role>(current ?? roles[0]);
  const set = useMutation(trpc.users.setMembership.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.users.removeMembership.mutationOptions({ onSuccess: onChanged }));
  const failure = set.error ?? remove.error;

  if (!open)
    return (
      <button type="button" className="mt-1 text-xs text-brand-600 underline" onClick={() => setOpen(true)}>
        Edit memberships
      </button>
    );

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-2">
      <select
        aria-label="Organisation"
        value={orgId}
        onChange={(e) => {
          const next = orgs.find((o) => o.id === e.target.value);
          setOrgId(e.target.value);
          setRole(memberships.find((m) => m.orgId === e.target.value)?.role ?? (next?.kind === "provider" ? staffRoles[1] : customerRoles[1]));
        }}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      >
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="rounded border border-slate-300 px-2 py-1 text-sm">
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <Button size="sm" onClick={() => set.mutate({ userId, orgId, role })} disabled={set.isPending}>
        {current ? "Change role" : "Add"}
      </Button>
      {current && (
        <Button size="sm" variant="danger" onClick={() => remove.mutate({ userId, orgId })} disabled={remove.isPending}>
          Remove
        </Button>
      )}
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Done
      </Button>
      {failure && (
        <p role="alert" className="w-full text-xs text-red-700">
          {errorMessage(failure)}
        </p>
      )}
    </div>
  );
}
