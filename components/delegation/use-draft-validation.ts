"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { ValidationResult } from "./types";

/** A pause in typing this long asks the server to check the draft. */
const DEBOUNCE_MS = 400;

/**
 * Checks the draft as the customer types: once typing pauses, `validateDraft` runs (it writes
 * nothing). Answers that arrive after a newer question are dropped, so the findings shown always
 * belong to the newest text.
 */
export function useDraftValidation(snippetId: string, content: unknown, enabled: boolean) {
  const trpc = useTRPC();
  const validate = useMutation(trpc.delegation.validateDraft.mutationOptions());
  const { mutateAsync } = validate;
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [checking, setChecking] = useState(false);
  const asked = useRef(0);
  const serialised = JSON.stringify(content);
  const first = useRef(true);

  useEffect(() => {
    // The stored findings of the opened version are shown until the customer changes something.
    if (first.current || !enabled) {
      first.current = false;
      return;
    }
    const ticket = ++asked.current;
    setChecking(true);
    const timer = setTimeout(() => {
      mutateAsync({ snippetId, content: JSON.parse(serialised) as unknown })
        .then((answer) => {
          if (ticket === asked.current) setResult(answer);
        })
        .catch(() => undefined)
        .finally(() => {
          if (ticket === asked.current) setChecking(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [serialised, snippetId, enabled, mutateAsync]);

  return { result, checking, error: validate.error };
}
