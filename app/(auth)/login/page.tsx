import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/components/auth/safe-callback";
import { getActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const messages: Record<string, string> = {
  NoRole: "Your account has no role yet. Ask your administrator to add you to an organisation.",
  SessionEnded: "Your session has ended. Sign in again.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const actor = await getActor();
  if (actor && error !== "NoRole") redirect(safeCallbackPath(callbackUrl));

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-slate-900">Hostdesk</p>
          <p className="mt-1 text-sm text-slate-600">Sign in to your hosting control panel</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="sr-only">Sign in</h1>
          <LoginForm callbackUrl={callbackUrl} initialError={error ? (messages[error] ?? undefined) : undefined} />
        </div>
      </div>
    </main>
  );
}
