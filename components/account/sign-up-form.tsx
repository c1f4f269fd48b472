'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { signUpAction } from '@/lib/account/actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function SignUpForm() {
  const t = useTranslations('auth');
  const router = useRouter();
  const form = useActionForm(signUpAction, ({ redirectTo }) => {
    router.replace(redirectTo);
    router.refresh();
  });
  const hasFieldErrors = ['name', 'handle', 'email', 'password'].some((field) => form.fieldError(field));
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage message={hasFieldErrors ? null : form.message} />
      <TextField label={t('name')} name="name" autoComplete="name" required maxLength={60} error={form.fieldError('name')} />
      <TextField
        label={t('handle')}
        name="handle"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        hint={t('handleHint')}
        error={form.fieldError('handle')}
      />
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required error={form.fieldError('email')} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={form.fieldError('password')}
      />
      <Button type="submit" pending={form.pending}>
        {t('createAccount')}
      </Button>
      <p className="text-center text-sm text-fg-muted">
        {t('haveAccount')}{' '}
        <Link href="/login" className="font-medium text-brand underline-offset-2 hover:underline">
          {t('signIn')}
        </Link>
      </p>
    </form>
  );
}
