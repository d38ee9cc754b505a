import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hostdesk", template: "%s · Hostdesk" },
  description: "Control panel and help desk for managed hosting",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
