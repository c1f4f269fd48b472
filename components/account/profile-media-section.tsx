import Image from 'next/image';
import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { getProfileMedia } from '@/lib/account';
import type { Viewer } from '@/lib/core/session';
import { imageUrl, uploadLimits } from '@/lib/media';
import { ProfileImageControl } from './profile-image-control';

/** The /me header: cover and avatar as others see them, with controls to change both. */
export async function ProfileMediaSection({ viewer }: { viewer: Viewer }) {
  const media = await getProfileMedia(viewer);
  const t = await getTranslations('profileMedia');
  const { maxBytes } = uploadLimits();
  return (
    <section aria-labelledby="profile-media-title" className="flex flex-col gap-4">
      <h2 id="profile-media-title" className="sr-only">
        {t('title')}
      </h2>
      <div className="relative mb-10">
        {media.coverId ? (
          <Image
            src={imageUrl(media.coverId, 'md')}
            alt={t('yourCover')}
            width={1280}
            height={427}
            unoptimized
            className="aspect-[3/1] w-full rounded-xl bg-surface-2 object-cover"
          />
        ) : (
          <div className="flex aspect-[3/1] w-full items-center justify-center rounded-xl bg-surface-2 text-sm text-fg-muted">{t('noCover')}</div>
        )}
        <div className="absolute -bottom-10 left-4 rounded-full bg-surface p-1">
          <Avatar name={media.name} handle={media.handle} avatarId={media.avatarId} size={80} alt={t('yourAvatar')} />
        </div>
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <ProfileImageControl kind="avatar" hasImage={media.avatarId !== null} maxBytes={maxBytes} />
        <ProfileImageControl kind="cover" hasImage={media.coverId !== null} maxBytes={maxBytes} />
      </div>
    </section>
  );
}
