import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { appRouter } from "@/server/routers/_app";
import { ChecklistToggle } from "./checklist-toggle";

type Readiness = Awaited<ReturnType<ReturnType<typeof appRouter.createCaller>["inventory"]["readiness"]>>;

const stateBadge = { done: { tone: "good", text: "done" }, open: { tone: "warn", text: "open" }, not_applicable: { tone: "neutral", text: "n/a" } } as const;

/** Backups and each service's production-ready checklist; staff can tick the items a person confirms. */
export function ReadinessPanel({ readiness, forStaff }: { readiness: Readiness; forStaff: boolean }) {
  return (
    <>
      <Card title="Backups">
        {readiness.backups.length === 0 ? (
          <p className="text-sm text-amber-800">This server is not backed up.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {readiness.backups.map((b) => (
              <li key={b.id}>
                To <span className="font-medium">{b.server}</span> on schedule <code className="text-xs">{b.schedule}</code> (UTC), kept {b.retentionDays} days ·
                last success {b.lastSuccessAt ? b.lastSuccessAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never"}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Ready for production?">
        <div className="grid gap-4 md:grid-cols-2">
          {readiness.services.map((s) => (
            <section key={s.serviceId} aria-label={`Checklist of ${s.name}`}>
              <h3 className="text-sm font-semibold">
                {s.name} <span className="font-normal text-slate-500">· {s.kind}</span>
              </h3>
              <ul className="mt-1 space-y-1 text-sm">
                {s.checklist.map((e) => (
                  <li key={e.item} className="flex items-start gap-2">
                    {forStaff && e.verifiedBy === "staff" && e.state !== "not_applicable" ? (
                      <ChecklistToggle serviceId={s.serviceId} item={e.item} done={e.state === "done"} label={`${e.label} (${s.name})`} />
                    ) : (
                      <Badge tone={stateBadge[e.state].tone}>{stateBadge[e.state].text}</Badge>
                    )}
                    <span>
                      {e.label}
                      <span className="text-xs text-slate-500">
                        {e.verifiedBy === "model" ? " · checked by Hostdesk" : e.checkedBy ? ` · confirmed by ${e.checkedBy}, ${e.checkedAt?.toISOString().slice(0, 10)}` : ""}
                      </span>
                      {e.note && <span className="block text-xs text-slate-600">{e.note}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </Card>
    </>
  );
}
