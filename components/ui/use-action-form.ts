'use client';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/core/action';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Runs a server action with a form's fields and keeps what the form needs to show: pending,
 * the error message and an error per field.
 */
export function useActionForm<T>(run: (input: FormData) => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [succeeded, setSucceeded] = useState(false);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await run(data);
      if (result.ok) {
        setFailure(null);
        setSucceeded(true);
        onSuccess?.(result.data);
      } else {
        setSucceeded(false);
        setFailure(result);
      }
    });
  }

  return {
    pending,
    succeeded,
    message: failure?.message ?? null,
    fieldError: (name: string) => failure?.fieldErrors[name],
    onSubmit,
  };
}
