"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeCallbackPath } from "./safe-callback";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  // Until the page is interactive a submit would be the browser's own; the button waits instead.
  const ready = useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error === "CredentialsSignin" ? "Wrong email or password." : (result?.error ?? "Sign-in failed. Try again."));
      return;
    }
    // "/" routes each role to its own area.
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    // method="post" keeps credentials out of URLs and logs even if a submit ever happens without JavaScript.
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={!ready || pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
