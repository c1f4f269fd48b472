'use client';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { PhotoPicker, type PickedPhoto } from '@/components/media/photo-picker';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createPostAction } from '@/lib/feed/actions';
import { maxPhotosPerPost, maxPostLength } from '@/lib/feed/client';
import { useHydrated } from '@/components/ui/use-hydrated';
import { AudienceSelect } from './audience-select';
import { useFeedReload } from './feed-context';

/** Writes a post: words, photos, a place and who may see it. */
export function Composer({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations('feed');
  const reload = useFeedReload();
  const formRef = useRef<HTMLFormElement>(null);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  // Until hydrated the form would submit natively, as a GET with the post in the address bar.
  const hydrated = useHydrated();
  const form = useActionForm(
    (data) => createPostAction({ body: data.get('body'), audience: data.get('audience'), locationName: data.get('locationName'), mediaIds: photos.map((photo) => photo.id) }),
    () => {
      formRef.current?.reset();
      setPhotos([]);
      reload();
    },
  );
  return (
    <form ref={formRef} onSubmit={form.onSubmit} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4" aria-label={t('composerTitle')}>
      <TextAreaField label={t('postText')} name="body" placeholder={t('composerPlaceholder')} maxLength={maxPostLength} rows={2} error={form.fieldError('body')} />
      <PhotoPicker max={maxPhotosPerPost} value={photos} onChange={setPhotos} label={t('addPhotos')} maxBytes={maxBytes} onBusyChange={setUploading} />
      {form.fieldError('mediaIds') && (
        <p role="alert" className="text-sm text-danger">
          {form.fieldError('mediaIds')}
        </p>
      )}
      {/* Side by side even on a phone, so the composer leaves room for the posts below it. */}
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t('location')} name="locationName" maxLength={80} error={form.fieldError('locationName')} />
        <AudienceSelect error={form.fieldError('audience')} />
      </div>
      {form.message && !form.fieldError('body') && (
        <p role="alert" className="text-sm text-danger">
          {form.message}
        </p>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} disabled={uploading || !hydrated}>
          {t('post')}
        </Button>
        <p role="status" className="text-sm text-fg-muted">
          {uploading ? t('waitForPhotos') : form.succeeded && !form.pending ? t('posted') : ''}
        </p>
      </div>
    </form>
  );
}
