type ListedNode = { id: string; kind: string; name: string; detail: string | null; orgName: string | null };

const kindLabels: Record<string, string> = { device: "Hardware", storage_pool: "Storage pools", vm: "VMs", service: "Services" };

/** The nodes of a picture as grouped lists: the same facts as the graph, for every reader. */
export function NodeList({ nodes }: { nodes: ListedNode[] }) {
  const groups = Object.keys(kindLabels)
    .map((kind) => ({ kind, items: nodes.filter((n) => n.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {groups.map((group) => (
        <section key={group.kind}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {kindLabels[group.kind]} ({group.items.length})
          </h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {group.items.map((n) => (
              <li key={n.id}>
                {n.name}
                {n.detail && <span className="text-slate-500"> · {n.detail}</span>}
                {n.orgName && <span className="text-slate-500"> · {n.orgName}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
