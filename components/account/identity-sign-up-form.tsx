'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { completeExternalSignUpAction } from '@/lib/account/identity-actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { CancelExternalSignUpButton } from './cancel-external-sign-up-button';

/** The one question a person signing in through another provider answers: their handle. */
export function IdentitySignUpForm({ name, handle, next }: { name: string; handle: string; next: string }) {
  const auth = useTranslations('auth');
  const t = useTranslations('identity');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useActionForm(completeExternalSignUpAction, ({ redirectTo }) => {
    router.replace(redirectTo);
    router.refresh();
  });
  const hasFieldErrors = ['name', 'handle'].some((field) => form.fieldError(field));
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage message={hasFieldErrors ? null : form.message} />
      <TextField label={auth('name')} name="name" autoComplete="name" defaultValue={name} required maxLength={60} error={form.fieldError('name')} />
      <TextField
        label={auth('handle')}
        name="handle"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={handle}
        required
        hint={auth('handleHint')}
        error={form.fieldError('handle')}
      />
      <input type="hidden" name="next" value={next} />
      <Button type="submit" pending={form.pending} disabled={!hydrated}>
        {t('createAccount')}
      </Button>
      <CancelExternalSignUpButton />
    </form>
  );
}
