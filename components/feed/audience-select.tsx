'use client';
import { useTranslations } from 'next-intl';
import { SelectField } from '@/components/ui/select-field';
import { audiences, type Audience } from '@/lib/feed/client';

export function AudienceSelect({ defaultValue = 'FRIENDS', error }: { defaultValue?: Audience; error?: string }) {
  const t = useTranslations('feed');
  return <SelectField label={t('audience')} name="audience" defaultValue={defaultValue} error={error} options={audiences.map((value) => ({ value, label: t(`audiences.${value}`) }))} />;
}
