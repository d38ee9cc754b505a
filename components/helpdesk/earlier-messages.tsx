import Link from "next/link";

/**
 * Stands in for the start of a long thread: tickets open with their latest messages, and whoever
 * wants the rest asks for it, so a 500-message ticket opens as fast as a short one.
 */
export function EarlierMessages({ count, href }: { count: number; href: string }) {
  if (count === 0) return null;
  return (
    <p className="rounded-md border border-dashed border-slate-300 bg-white px-3 py-2 text-center text-sm text-slate-600">
      {count === 1 ? "1 earlier message" : `${count.toLocaleString("en")} earlier messages`} not shown.{" "}
      <Link href={href} className="font-medium text-brand-700 underline">
        Show the whole conversation
      </Link>
    </p>
  );
}
