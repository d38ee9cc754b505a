import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { requireDeskStaff } from "./access";

/** The people tickets can be assigned to: the provider's agents, engineers and admins, not disabled. */
export async function listDeskPeople(db: DbOrTx, actor: Actor) {
  requireDeskStaff(actor);
  const result = await db.execute<{ id: string; name: string; email: string; role: string }>(sql`
    select distinct on (u.id) u.id, u.name, u.email, m.role::text as role
    from users u join memberships m on m.user_id = u.id join orgs o on o.id = m.org_id
    where o.kind = 'provider' and u.disabled_at is null and m.role in ('agent', 'engineer', 'admin')
    order by u.id, m.role`);
  return result.rows.sort((a, b) => a.name.localeCompare(b.name));
}
