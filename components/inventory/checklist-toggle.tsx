"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import type { ChecklistItemKey } from "@/server/inventory/checklist-rules";

/** Staff confirm (or withdraw) an item only a person can check. */
export function ChecklistToggle({ serviceId, item, done, label }: { serviceId: string; item: ChecklistItemKey; done: boolean; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const tick = useMutation(trpc.inventory.tickChecklistItem.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <input
      type="checkbox"
      checked={done}
      disabled={tick.isPending}
      aria-label={label}
      onChange={(e) => tick.mutate({ serviceId, item, done: e.target.checked })}
      className="size-4 accent-brand-600"
    />
  );
}
