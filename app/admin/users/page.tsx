import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const caller = await serverCaller();
  const [me, orgs] = await Promise.all([caller.session.me(), caller.orgs.list()]);
  await getQueryClient().prefetchQuery(trpc.users.list.queryOptions({}));
  const options = orgs.map(({ id, name, kind }) => ({ id, name, kind }));
  return (
    <HydrateClient>
      <PageHeader title="Users" description="Create accounts, set their organisations and roles, disable them or end their sessions." />
      <div className="space-y-6">
        <Card title="New user">
          <CreateUserForm orgs={options} />
        </Card>
        <Card title="All users">
          <UsersTable orgs={options} currentUserId={me.userId} />
        </Card>
      </div>
    </HydrateClient>
  );
}
