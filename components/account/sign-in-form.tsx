'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { signInAction } from '@/lib/account/actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations('auth');
  const recovery = useTranslations('recovery');
  const router = useRouter();
  const form = useActionForm(signInAction, ({ redirectTo }) => {
    router.replace(redirectTo);
    router.refresh();
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage message={form.fieldError('password') ? null : form.message} />
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required error={form.fieldError('email')} />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required error={form.fieldError('password')} />
      <Link href="/forgot" className="self-end text-sm font-medium text-brand underline-offset-2 hover:underline">
        {recovery('forgotLink')}
      </Link>
      {next && <input type="hidden" name="next" value={next} />}
      <Button type="submit" pending={form.pending}>
        {t('signIn')}
      </Button>
      <p className="text-center text-sm text-fg-muted">
        {t('noAccount')}{' '}
        <Link href="/signup" className="font-medium text-brand underline-offset-2 hover:underline">
          {t('signUp')}
        </Link>
      </p>
    </form>
  );
}
