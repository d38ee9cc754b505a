import { listAuditEvents, listAuditInput } from "@/server/audit/list";
import { router, staffProcedure } from "@/server/trpc";

export const auditRouter = router({
  list: staffProcedure("admin").input(listAuditInput).query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
});
