import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/components/trpc/server";
import { directoryParams } from "./directory-params";
import { OrgDirectory } from "./org-directory";

/** An area's landing on the customer directory; the desk and accounts differ only in their words. */
export async function DirectoryPage({
  title,
  description,
  basePath,
  searchParams,
  orgHref,
}: {
  title: string;
  description: string;
  basePath: string;
  searchParams: Promise<{ q?: string; page?: string }>;
  orgHref?: (orgId: string) => string;
}) {
  const { search, page } = directoryParams(await searchParams);
  const directory = await (await serverCaller()).orgs.directory({ search, page });
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card title="Customer organisations">
        <OrgDirectory basePath={basePath} directory={directory} search={search} orgHref={orgHref} />
      </Card>
    </>
  );
}
