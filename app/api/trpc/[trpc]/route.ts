import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getActor } from "@/server/auth/session";
import { buildContext } from "@/server/request-context";
import { appRouter } from "@/server/routers/_app";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => buildContext(await getActor(), req.headers),
  });
}

export { handler as GET, handler as POST };
