import { existsSync, readdirSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import exifReader from 'exif-reader';
import pg from 'pg';
import sharp from 'sharp';
import { signUp } from './support';

/**
 * Post photos through the real upload route, as a signed-in person's browser sends them. What
 * the server refuses must say why in words, and leave nothing behind: no row, no file.
 */

// `npm test` gives the app server and these tests the same upload folder and database.
const mediaDir = process.env.MEDIA_DIR!;
const databaseUrl = process.env.DATABASE_URL!;

async function query<T>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function assetsOwnedBy(handle: string): Promise<number> {
  const [row] = await query<{ count: string }>('SELECT count(*) FROM "MediaAsset" m JOIN "User" u ON u.id = m."ownerId" WHERE u.handle = $1', [handle]);
  return Number(row!.count);
}

/** Each stored image is one folder named by its asset id. */
const assetFolders = () => (existsSync(mediaDir) ? readdirSync(mediaDir) : []);

/**
 * Folders that appeared since `before` and belong to no image in the database. Other tests upload
 * at the same time, and write their files just before their row, so this is asked until it settles.
 */
async function strayFolders(before: Set<string>): Promise<string[]> {
  const fresh = assetFolders().filter((folder) => !before.has(folder));
  if (fresh.length === 0) return [];
  const known = new Set((await query<{ id: string }>('SELECT id FROM "MediaAsset" WHERE id = ANY($1)', [fresh])).map((row) => row.id));
  return fresh.filter((folder) => !known.has(folder));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes whose header claims 30,000 × 30,000 pixels: decoding it would need gigabytes. */
function hugeClaimingPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + 30_000 * 3))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A plain photo carrying where it was taken and the camera that took it. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a6ea5' } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Plaza Test Camera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3900/100' },
    })
    .toBuffer();
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const response = await page.request.post('/api/media/upload', { multipart: { purpose: 'post', file: { name, mimeType, buffer } } });
  return { status: response.status(), body: (await response.json()) as { ok: boolean; message?: string; id?: string; urls?: Record<string, string>; width?: number; height?: number } };
}

test('refused post photos say why in plain words and leave no file and no record behind', async ({ page }) => {
  expect(mediaDir, 'npm test sets MEDIA_DIR for the app server and the tests').toBeTruthy();
  const person = await signUp(page);
  const before = new Set(assetFolders());

  const photo = await photoWithGps();
  const refusals = [
    {
      what: 'a text file named photo.jpg',
      file: ['photo.jpg', 'image/jpeg', Buffer.from('Meeting notes, nothing to see here.\n'.repeat(200))] as const,
      status: 415,
      message: "This file isn't an image we can use. Choose a JPEG, PNG, WebP, GIF or AVIF image.",
    },
    {
      what: 'an SVG carrying a script',
      file: ['drawing.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>')] as const,
      status: 415,
      message: "SVG drawings can't be used here. Save it as a PNG or JPEG and try again.",
    },
    {
      what: 'a PNG claiming 30,000 × 30,000 pixels',
      file: ['huge.png', 'image/png', hugeClaimingPng()] as const,
      status: 422,
      message: 'This image is too large in size. Choose one under 40 megapixels.',
    },
    {
      what: 'a 25 MB file',
      file: ['big.jpg', 'image/jpeg', Buffer.concat([photo, Buffer.alloc(25 * 1024 * 1024 - photo.length)])] as const,
      status: 413,
      message: 'This file is too big. Choose an image under 20 MB.',
    },
  ];
  // The huge PNG really is small, and really claims 900 megapixels.
  const huge = await sharp(refusals[2]!.file[2], { limitInputPixels: false }).metadata();
  expect([huge.width, huge.height, refusals[2]!.file[2].length < 100_000]).toEqual([30_000, 30_000, true]);

  for (const refusal of refusals) {
    const [name, mimeType, buffer] = refusal.file;
    const { status, body } = await upload(page, name, mimeType, buffer);
    expect.soft({ what: refusal.what, status, ok: body.ok, message: body.message }).toEqual({ what: refusal.what, status: refusal.status, ok: false, message: refusal.message });
  }

  expect(await assetsOwnedBy(person.handle)).toBe(0);
  await expect.poll(() => strayFolders(before)).toEqual([]);
});

test('a post photo is stored without its location: no EXIF and no GPS in any served size', async ({ page }) => {
  const person = await signUp(page);
  const photo = await photoWithGps();
  // First prove the upload really carries GPS.
  const sent = exifReader((await sharp(photo).metadata()).exif!);
  expect(sent.GPSInfo?.GPSLatitude).toEqual([51, 30, 12.34]);
  expect(sent.GPSInfo?.GPSLongitudeRef).toBe('W');
  expect(photo.includes(Buffer.from('Plaza Test Camera'))).toBe(true);

  const { status, body } = await upload(page, 'walk.jpg', 'image/jpeg', photo);
  expect(status).toBe(201);
  expect(body).toMatchObject({ ok: true, width: 1440, height: 1080 });
  expect(await assetsOwnedBy(person.handle)).toBe(1);

  const urls = Object.values(body.urls!);
  expect(urls).toHaveLength(3);
  for (const url of urls) {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');
    const bytes = await response.body();
    const served = await sharp(bytes).metadata();
    expect(served.format).toBe('webp');
    expect(served.exif).toBeUndefined();
    expect(served.xmp).toBeUndefined();
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
    expect(bytes.includes(Buffer.from('Plaza Test Camera'))).toBe(false);
  }
});
