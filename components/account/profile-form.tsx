'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { updateProfileAction } from '@/lib/account/actions';
import { SubmitRow } from '@/components/ui/button';
import { FormMessage, TextAreaField, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ProfileForm({ name, bio, location }: { name: string; bio: string; location: string }) {
  const t = useTranslations('me');
  const router = useRouter();
  const form = useActionForm(updateProfileAction, () => router.refresh());
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('editProfile')}>
      <FormMessage message={form.fieldError('name') || form.fieldError('bio') || form.fieldError('location') ? null : form.message} />
      <TextField label={t('name')} name="name" defaultValue={name} required maxLength={60} error={form.fieldError('name')} />
      <TextAreaField label={t('bio')} name="bio" defaultValue={bio} maxLength={300} error={form.fieldError('bio')} />
      <TextField label={t('location')} name="location" defaultValue={location} maxLength={80} autoComplete="address-level2" error={form.fieldError('location')} />
      <SubmitRow label={t('save')} done={t('saved')} pending={form.pending} succeeded={form.succeeded} />
    </form>
  );
}
