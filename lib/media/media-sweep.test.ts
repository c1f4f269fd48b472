import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import '@/lib/account/jobs';
import '@/lib/feed/jobs';
import { setAvatar } from '@/lib/account/profile-media';
import { createPost } from '@/lib/feed/service';
import { getImageSizes } from './lookup';
import { storeImage } from './service';
import { sweepUnusedImages } from './sweep';
import { people } from '@/tests/support/pay-people';

const photo = (colour: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).png().toBuffer();

afterAll(async () => {
  await db().$disconnect();
});

describe('the unused-image sweep', () => {
  it('removes old uploads nobody uses, and keeps post photos and avatars in use and recent uploads', async () => {
    const [person] = (await people(1)) as [Viewer];
    const posted = await storeImage(person, { bytes: await photo('#ff0000'), purpose: 'post' });
    const abandoned = await storeImage(person, { bytes: await photo('#00ff00'), purpose: 'post' });
    const avatar = await storeImage(person, { bytes: await photo('#0000ff'), purpose: 'avatar' });
    await createPost(person, { body: '', audience: 'ONLY_ME', locationName: null, mediaIds: [posted.id] });
    await setAvatar(person, avatar.id);
    const ids = [posted.id, abandoned.id, avatar.id];

    // Nothing is old enough yet.
    await sweepUnusedImages(new Date(Date.now() - 60_000), { ownerId: person.id });
    expect([...(await getImageSizes(ids)).keys()].sort()).toEqual([...ids].sort());

    // Only this person's uploads: other tests' fresh uploads are not under test.
    expect(await sweepUnusedImages(new Date(Date.now() + 60_000), { ownerId: person.id })).toBe(1);
    const left = await getImageSizes(ids);
    expect(left.has(abandoned.id)).toBe(false);
    expect(left.has(posted.id)).toBe(true);
    expect(left.has(avatar.id)).toBe(true);
  });
});
