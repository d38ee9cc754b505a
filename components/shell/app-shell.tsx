import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/server/auth/actor";
import { areaLabels, areaPaths, areasFor, type Area } from "@/server/auth/roles";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export type SectionLink = { href: string; label: string; exact?: boolean };

/**
 * The frame of every signed-in page: the areas this person may use, the current area's sections,
 * and who is signed in. Nothing a role may not use is ever linked.
 */
export function AppShell({ actor, area, sections = [], children }: { actor: Actor; area?: Area; sections?: SectionLink[]; children: ReactNode }) {
  const areas = areasFor(actor.roles);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="text-base font-semibold tracking-tight text-slate-900">
            Hostdesk
          </Link>
          {areas.length > 1 && (
            <nav aria-label="Areas" className="flex flex-wrap gap-1">
              {areas.map((a) => (
                <NavLink key={a} href={areaPaths[a]}>
                  {areaLabels[a]}
                </NavLink>
              ))}
            </nav>
          )}
          <div className="ml-auto flex items-center gap-2 text-sm">
            <Link href="/account" className="text-slate-700 hover:underline" data-testid="current-user">
              {actor.name}
            </Link>
            <SignOutButton />
          </div>
        </div>
        {sections.length > 0 && (
          <nav aria-label={area ? `${areaLabels[area]} sections` : "Sections"} className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4 pb-2">
            {sections.map((s) => (
              <NavLink key={s.href} href={s.href} exact={s.exact}>
                {s.label}
              </NavLink>
            ))}
          </nav>
        )}
      </header>
      {actor.mustChangePassword && (
        <div role="status" className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 print:hidden">
          You are using a temporary password.{" "}
          <Link href="/account" className="font-medium underline">
            Choose your own password
          </Link>
          .
        </div>
      )}
      <main className="mx-auto max-w-7xl px-4 py-6 print:max-w-none print:p-0">{children}</main>
    </div>
  );
}
