import Link from "next/link";

/** Shown only to people who belong to (or, as staff, may look at) more than one customer org. */
export function OrgSwitcher({ orgs, currentId, basePath }: { orgs: { id: string; name: string; slug: string }[]; currentId?: string; basePath: string }) {
  if (orgs.length < 2) return null;
  return (
    <nav aria-label="Organisations" className="mb-4 flex flex-wrap gap-2 text-sm">
      {orgs.map((o) => (
        <Link
          key={o.id}
          href={`${basePath}?org=${o.slug}`}
          aria-current={o.id === currentId ? "page" : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
        >
          {o.name}
        </Link>
      ))}
    </nav>
  );
}
