import "server-only";
import { serverCaller } from "@/components/trpc/server";

/** The customer org a portal page is about: the one named by `?org=`, else the person's first. */
export async function currentPortalOrg(slug: string | undefined) {
  const orgs = (await (await serverCaller()).orgs.list()).filter((o) => o.kind === "customer");
  return { orgs, current: orgs.find((o) => o.slug === slug) ?? orgs[0] };
}
