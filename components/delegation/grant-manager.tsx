"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorNote } from "@/components/ui/error-note";
import { Table, Td, Th } from "@/components/ui/table";
import { GrantForm } from "./grant-form";
import { modeWords, stamp } from "./snippet-words";
import type { KindInfo } from "./types";

/** One org's grants: who may edit which kind where, and how changes are decided; grant and revoke. */
export function GrantManager({ orgId, orgName, kinds }: { orgId: string; orgName: string; kinds: readonly KindInfo[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [message, setMessage] = useState("");
  const grants = useQuery(trpc.delegation.grants.list.queryOptions({ orgId, includeRevoked }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.delegation.grants.list.queryKey() });
  const revoke = useMutation(trpc.delegation.grants.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const titles = new Map(kinds.map((k) => [k.name, k.title]));

  return (
    <div className="space-y-6">
      <Card title={`Grants of ${orgName}`} actions={
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.target.checked)} />
          Show revoked
        </label>
      }>
        <p role="status" aria-live="polite" className="mb-2 text-sm text-emerald-700">
          {message}
        </p>
        <ErrorNote error={grants.error ?? revoke.error} />
        <Table caption={`Grants of ${orgName}`}>
          <thead>
            <tr>
              <Th>Kind</Th>
              <Th>Reaches</Th>
              <Th>Who</Th>
              <Th>Changes</Th>
              <Th>Granted</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {grants.data?.map((g) => {
              const title = titles.get(g.kind) ?? g.kind;
              return (
                <tr key={g.id} className={g.revokedAt ? "text-slate-400" : undefined}>
                  <Td className="whitespace-nowrap font-medium">{title}</Td>
                  <Td>{g.target}</Td>
                  <Td>{g.userEmail ?? "Everyone in the organisation"}</Td>
                  <Td>
                    <Badge tone={g.mode === "auto" ? "good" : "info"}>{modeWords[g.mode]}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{stamp(g.createdAt)}</Td>
                  <Td className="text-right">
                    {g.revokedAt ? (
                      <span className="text-xs">Revoked {stamp(g.revokedAt)}</span>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={`Revoke ${title} on ${g.target}`}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ grantId: g.id }, { onSuccess: () => setMessage(`Revoked ${title} on ${g.target}. Its snippets keep running.`) })}
                      >
                        Revoke
                      </Button>
                    )}
                  </Td>
                </tr>
              );
            })}
            {grants.data?.length === 0 && (
              <tr>
                <Td colSpan={6} className="py-6 text-center text-slate-500">
                  No grants: {orgName} cannot change any configuration itself.
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
      <Card title="Grant access">
        <GrantForm
          orgId={orgId}
          kinds={kinds}
          onGranted={(words) => {
            setMessage(words);
            void refresh();
          }}
        />
      </Card>
    </div>
  );
}
