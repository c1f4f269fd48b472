import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const variants: Record<Variant, string> = {
  primary: 'bg-brand text-on-brand hover:bg-brand-strong disabled:opacity-60',
  secondary: 'bg-surface-2 text-fg hover:bg-surface-3 disabled:opacity-60',
  ghost: 'bg-transparent text-fg hover:bg-surface-2',
  danger: 'bg-transparent text-danger hover:bg-surface-2',
};

export function Button({
  variant = 'primary',
  pending = false,
  className = '',
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean }) {
  return (
    <button
      {...props}
      disabled={pending || props.disabled}
      aria-busy={pending || undefined}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-xl px-4 font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand ${variants[variant]} ${className}`}
    >
      {pending && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {children}
    </button>
  );
}

/** A form's submit button with the quiet confirmation people look for after saving. */
export function SubmitRow({ label, done, pending, succeeded }: { label: string; done: string; pending: boolean; succeeded: boolean }) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" pending={pending}>
        {label}
      </Button>
      <p role="status" className="text-sm text-fg-muted">
        {succeeded && !pending ? done : ''}
      </p>
    </div>
  );
}
