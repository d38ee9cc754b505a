"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { roleLabels } from "@/server/auth/roles";
import { MembershipEditor } from "./membership-editor";

type OrgOption = { id: string; name: string; kind: "provider" | "customer" };

export function UsersTable({ orgs, currentUserId }: { orgs: OrgOption[]; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const users = useQuery(trpc.users.list.queryOptions({ search: search || undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.users.revokeSessions.mutationOptions({ onSuccess: refresh }));
  const failure = update.error ?? revoke.error;

  return (
    <div className="space-y-3">
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search by name or email"
        aria-label="Search users"
        className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      />
      <ErrorNote error={failure} />
      <Table caption="Users">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Memberships</Th>
            <Th>Status</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {users.data?.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <Td className="font-medium">{user.name}</Td>
              <Td>{user.email}</Td>
              <Td>
                <ul className="space-y-1">
                  {user.memberships.map((m) => (
                    <li key={m.orgId}>
                      {m.orgName}: <Badge tone={m.orgKind === "provider" ? "info" : "neutral"}>{roleLabels[m.role]}</Badge>
                    </li>
                  ))}
                </ul>
                <MembershipEditor userId={user.id} orgs={orgs} memberships={user.memberships} onChanged={refresh} />
              </Td>
              <Td>
                {user.disabledAt ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
                {user.mustChangePassword && (
                  <span className="ml-1">
                    <Badge tone="warn">Temporary password</Badge>
                  </span>
                )}
              </Td>
              <Td className="text-right whitespace-nowrap">
                {user.id !== currentUserId && (
                  <Button
                    size="sm"
                    variant={user.disabledAt ? "secondary" : "danger"}
                    onClick={() => update.mutate({ userId: user.id, disabled: !user.disabledAt })}
                  >
                    {user.disabledAt ? "Enable" : "Disable"}
                  </Button>
                )}{" "}
                <Button size="sm" variant="secondary" onClick={() => revoke.mutate({ userId: user.id })} title="Ends every open session of this user">
                  Sign out everywhere
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {users.isLoading && <p className="text-sm text-slate-500">Loading users…</p>}
    </div>
  );
}
