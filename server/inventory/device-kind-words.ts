import type { devices } from "@/db/schema/inventory";

/** A device kind with its article, for messages: "kvm01 is a switch, not a hypervisor". */
export const deviceKindInWords: Record<(typeof devices.$inferSelect)["kind"], string> = {
  router: "a router",
  switch: "a switch",
  storage: "a storage server",
  hypervisor: "a hypervisor",
  backup: "a backup server",
};
