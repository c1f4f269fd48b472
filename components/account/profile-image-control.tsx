'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ImageUpload } from '@/components/media/image-upload';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { removeProfileImageAction, setProfileImageAction } from '@/lib/account/profile-media-actions';

/** Upload a new avatar or cover (it replaces the old one), or remove the current one. */
export function ProfileImageControl({ kind, hasImage, maxBytes }: { kind: 'avatar' | 'cover'; hasImage: boolean; maxBytes: number }) {
  const t = useTranslations('profileMedia');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function applyUploaded(image: { id: string }) {
    const result = await setProfileImageAction({ kind, assetId: image.id });
    if (!result.ok) return result.message;
    router.refresh();
    return null;
  }

  function remove() {
    startTransition(async () => {
      const result = await removeProfileImageAction({ kind });
      setRemoveError(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <ImageUpload purpose={kind} label={t(kind)} maxBytes={maxBytes} onUploaded={applyUploaded} />
      {hasImage && (
        <Button type="button" variant="danger" pending={pending} onClick={remove} className="self-start">
          {t(kind === 'avatar' ? 'removeAvatar' : 'removeCover')}
        </Button>
      )}
      <FormMessage message={removeError} />
    </div>
  );
}
