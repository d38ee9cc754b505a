/** Why the placement rules passed over some hypervisors, folded away until asked for. */
export function RejectedHypervisors({ rejected }: { rejected: { id: string; name: string; reasons: string[] }[] }) {
  if (rejected.length === 0) return null;
  return (
    <details className="text-sm text-slate-600">
      <summary>{rejected.length} hypervisors do not fit</summary>
      <ul className="mt-1 list-disc pl-5">
        {rejected.map((r) => (
          <li key={r.id}>
            {r.name}: {r.reasons.join("; ")}
          </li>
        ))}
      </ul>
    </details>
  );
}
