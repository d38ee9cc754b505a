/** A GET form for list pages: a search box and one select; the URL carries the filters, so they can be shared. */
export function FilterBar({
  search,
  placeholder,
  select,
}: {
  search?: string;
  placeholder: string;
  select: { name: string; label: string; allLabel: string; value?: string; options: readonly { value: string; label: string }[] };
}) {
  return (
    <form method="get" role="search" className="mb-3 flex flex-wrap gap-2">
      <input
        type="search"
        name="q"
        defaultValue={search}
        placeholder={placeholder}
        aria-label={placeholder}
        className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      />
      <select name={select.name} defaultValue={select.value ?? ""} aria-label={select.label} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
        <option value="">{select.allLabel}</option>
        {select.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        Filter
      </button>
    </form>
  );
}
