import type { Metadata } from "next";
import { DirectoryPage } from "@/components/orgs/directory-page";

export const metadata: Metadata = { title: "Help desk" };

export default function DeskHome({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  return <DirectoryPage title="Help desk" description="Customers we look after." basePath="/desk" searchParams={searchParams} />;
}
