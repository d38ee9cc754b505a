import { createCallerFactory, router } from "@/server/trpc";
import { auditRouter } from "./audit";
import { cannedRouter } from "./canned";
import { delegationRouter } from "./delegation";
import { helpdeskRouter } from "./helpdesk";
import { inventoryRouter } from "./inventory";
import { mailRouter } from "./mail";
import { orgsRouter } from "./orgs";
import { rolloutRouter } from "./rollout";
import { sessionRouter } from "./session";
import { slaRouter } from "./sla";
import { usersRouter } from "./users";

export const appRouter = router({
  session: sessionRouter,
  orgs: orgsRouter,
  users: usersRouter,
  audit: auditRouter,
  inventory: inventoryRouter,
  sla: slaRouter,
  helpdesk: helpdeskRouter,
  canned: cannedRouter,
  mail: mailRouter,
  delegation: delegationRouter,
  rollout: rolloutRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
