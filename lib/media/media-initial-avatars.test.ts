import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';

const mediaDir = mkdtempSync(join(tmpdir(), 'plaza-media-seed-'));
process.env.MEDIA_DIR = mediaDir;

const { db } = await import('@/lib/core/db');
const { seedAvatars, renderInitialAvatar } = await import('@/scripts/seed/avatars');
const { GET } = await import('@/app/api/media/[id]/[variant]/route');

afterAll(async () => {
  await db().$disconnect();
  rmSync(mediaDir, { recursive: true, force: true });
});

it('gives demo people, Latin and Chinese names alike, a stored initial avatar', async () => {
  const stamp = Date.now().toString(36);
  const people = await Promise.all(
    [`Ana ${stamp}`, '李梅'].map((name, index) =>
      db().user.create({ data: { name, handle: `seed${stamp}${index}`, email: `seed${stamp}${index}@example.test` }, select: { id: true, handle: true, name: true } }),
    ),
  );
  await seedAvatars(people);
  for (const person of people) {
    const { avatarId } = await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { avatarId: true } });
    expect(avatarId).toBeTruthy();
    const response = await GET(new Request('http://plaza.test/'), { params: Promise.resolve({ id: avatarId!, variant: 'lg' }) });
    expect(response.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 640, 640]);
  }
});

it('draws the initial in white on the person\'s colour, or a silhouette when no font has the glyph', async () => {
  const whitePixels = async (png: Buffer) => {
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    let count = 0;
    for (let offset = 0; offset < data.length; offset += info.channels) if (data[offset]! > 200 && data[offset + 1]! > 200 && data[offset + 2]! > 200) count += 1;
    return count;
  };
  const latin = await renderInitialAvatar({ name: 'Ana', handle: 'ana' }, false);
  const chineseWithoutFont = await renderInitialAvatar({ name: '李梅', handle: 'mei' }, false);
  expect(await whitePixels(latin)).toBeGreaterThan(5_000);
  expect(await whitePixels(chineseWithoutFont)).toBeGreaterThan(5_000);
  // Different drawings: a letter versus a silhouette.
  expect(latin.equals(chineseWithoutFont)).toBe(false);
});
