import Link from "next/link";
import { cn } from "@/components/ui/cn";

const views = [
  { href: "/desk/inventory", label: "VMs" },
  { href: "/desk/inventory/devices", label: "Hardware" },
  { href: "/desk/inventory/sites", label: "Sites and racks" },
  { href: "/desk/inventory/capacity", label: "Capacity" },
] as const;

export type InventoryView = (typeof views)[number]["href"];

/** The inventory's pages link to each other from one place; `current` is the page being shown, if it is one of them. */
export function InventoryNav({ current }: { current?: InventoryView }) {
  return (
    <nav aria-label="Inventory views" className="flex flex-wrap items-center gap-4 text-sm">
      {views.map((view) => (
        <Link
          key={view.href}
          href={view.href}
          aria-current={view.href === current ? "page" : undefined}
          className={cn("py-1.5", view.href === current ? "font-semibold text-slate-900" : "text-brand-700 underline")}
        >
          {view.label}
        </Link>
      ))}
      <Link href="/desk/inventory/vms/new" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        New VM
      </Link>
    </nav>
  );
}
