"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";

export function OrgsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const orgs = useQuery(trpc.orgs.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.orgs.list.queryKey() });
  const create = useMutation(trpc.orgs.create.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.orgs.rename.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState<string | null>(null);

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const slug = String(data.get("slug") ?? "").trim();
    create.mutate({ name: String(data.get("name") ?? ""), slug: slug || undefined }, { onSuccess: () => form.reset() });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3" aria-label="Create organisation">
        <TextField label="Customer name" name="name" required className="w-64" />
        <TextField label="Slug" name="slug" hint="Optional; made from the name" className="w-48" />
        <Button type="submit" disabled={create.isPending}>
          Create organisation
        </Button>
      </form>
      <ErrorNote error={create.error ?? rename.error} />
      <Table caption="Organisations">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Kind</Th>
            <Th>Slug</Th>
            <Th className="text-right">People</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {orgs.data?.map((org) => (
            <tr key={org.id}>
              <Td className="font-medium">
                {editing === org.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      const name = String(new FormData(e.currentTarget).get("name") ?? "");
                      rename.mutate({ orgId: org.id, name }, { onSuccess: () => setEditing(null) });
                    }}
                    className="flex gap-2"
                  >
                    <input name="name" defaultValue={org.name} aria-label="New name" className="rounded border border-slate-300 px-2 py-1 text-sm" autoFocus />
                    <Button size="sm" type="submit">
                      Save
                    </Button>
                  </form>
                ) : (
                  org.name
                )}
              </Td>
              <Td>{org.kind === "provider" ? <Badge tone="info">Provider (staff)</Badge> : <Badge>Customer</Badge>}</Td>
              <Td>{org.slug}</Td>
              <Td className="text-right tabular-nums">{org.memberCount}</Td>
              <Td className="text-right">
                <Button size="sm" variant="secondary" onClick={() => setEditing(editing === org.id ? null : org.id)}>
                  {editing === org.id ? "Cancel" : "Rename"}
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
