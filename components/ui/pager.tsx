import Link from "next/link";

/** "N items · page X of Y" with previous/next links that keep the other search params. */
export function Pager({ total, page, pageSize, noun, hrefFor }: { total: number; page: number; pageSize: number; noun: string; hrefFor: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {total} {noun}
        {total === 1 ? "" : "s"} · page {page} of {pages}
      </span>
      <span className="flex gap-3">
        {page > 1 && <Link href={hrefFor(page - 1)}>← Previous</Link>}
        {page < pages && <Link href={hrefFor(page + 1)}>Next →</Link>}
      </span>
    </nav>
  );
}
