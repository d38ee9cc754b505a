import Link from "next/link";

/** "N items · page X of Y" with previous/next links that keep the other search params. */
export function Pager({
  total,
  totalIsCapped = false,
  page,
  pageSize,
  noun,
  hrefFor,
}: {
  total: number;
  /** The count stopped at `total`: there are more, and the last page is not known. */
  totalIsCapped?: boolean;
  page: number;
  pageSize: number;
  noun: string;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {totalIsCapped ? `More than ${total.toLocaleString("en")}` : total} {noun}
        {total === 1 && !totalIsCapped ? "" : "s"} · page {page}
        {totalIsCapped ? "" : ` of ${pages}`}
      </span>
      <span className="flex gap-3">
        {page > 1 && <Link href={hrefFor(page - 1)}>← Previous</Link>}
        {(totalIsCapped || page < pages) && <Link href={hrefFor(page + 1)}>Next →</Link>}
      </span>
    </nav>
  );
}
