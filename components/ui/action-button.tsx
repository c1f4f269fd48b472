'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/core/action';
import { Button } from './button';
import { useHydrated } from './use-hydrated';

/**
 * A button that runs one server action with fixed input, then refreshes the page's data.
 * A refusal is shown next to the button, in words.
 */
export function ActionButton<I, T>({
  action,
  input,
  children,
  variant = 'secondary',
  confirm,
  className,
}: {
  action: (input: I) => Promise<ActionResult<T>>;
  input: I;
  children: React.ReactNode;
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  confirm?: string;
  className?: string;
}) {
  const router = useRouter();
  // A tap before hydration would be lost (the click handler is not attached yet).
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={variant}
        pending={pending}
        disabled={!hydrated}
        className={className}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            const result = await action(input);
            setError(result.ok ? null : result.message);
            if (result.ok) router.refresh();
          });
        }}
      >
        {children}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      )}
    </span>
  );
}
