import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getActor } from "@/server/auth/session";
import { buildContext } from "@/server/request-context";
import { appRouter, createCaller } from "@/server/routers/_app";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);

const context = cache(async () => buildContext(await getActor(), await headers()));

/** Server-side options proxy: prefetch in a server component, read with useTRPC() in the client. */
export const trpc = createTRPCOptionsProxy({ ctx: context, router: appRouter, queryClient: getQueryClient });

/** A direct caller for server components that render data without a client cache. */
export const serverCaller = cache(async () => createCaller(await context()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
