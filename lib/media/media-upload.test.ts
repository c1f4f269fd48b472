import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Settings are read once, so the temporary store is named before the services load. The size
// and pixel caps stay at their defaults (20 MiB, 40 megapixels): those are what is tested.
const mediaDir = mkdtempSync(join(tmpdir(), 'plaza-media-test-'));
process.env.MEDIA_DIR = mediaDir;
delete process.env.MEDIA_MAX_BYTES;
delete process.env.MEDIA_MAX_PIXELS;

const { db } = await import('@/lib/core/db');
const { AppError } = await import('@/lib/core/errors');
const { storeImage, getOwnedAsset, deleteImage, canDecodeHeic } = await import('./service');
const { imageSrcSet } = await import('./client');
const { replaceMediaStorage, LocalDiskStorage } = await import('./storage');
const { GET } = await import('@/app/api/media/[id]/[variant]/route');
const { setAvatar, setCover } = await import('@/lib/account/profile-media');

type Viewer = { kind: 'person'; id: string; handle: string; isAdmin: boolean };

let serial = 0;
async function newViewer(): Promise<Viewer> {
  serial += 1;
  const handle = `media${Date.now().toString(36)}${serial}`;
  const user = await db().user.create({ data: { email: `${handle}@example.test`, handle, name: 'Media Test' }, select: { id: true, handle: true } });
  return { kind: 'person', id: user.id, handle: user.handle, isAdmin: false };
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const rowsOf = (viewer: Viewer) => db().mediaAsset.count({ where: { ownerId: viewer.id } });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as InstanceType<typeof AppError>;
}

/** Refused with `key`, and nothing of it written: no file anywhere in the store, no row. */
async function expectRefusedLeavingNothing(bytes: Uint8Array, key: string) {
  const viewer = await newViewer();
  const before = filesIn(mediaDir);
  const error = await refusal(storeImage(viewer, { bytes, purpose: 'avatar' }));
  expect(error.code).toBe('INVALID');
  expect(typeof error.messageRef === 'string' ? error.messageRef : error.messageRef.key).toBe(key);
  expect(filesIn(mediaDir)).toEqual(before);
  expect(await rowsOf(viewer)).toBe(0);
  return error;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes whose header claims 30,000 × 30,000 pixels (900 MP): nothing that large is ever allocated. */
function hugeClaimingPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + 30_000 * 3))), // one row; the rest is "missing"
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function photoWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Plaza Test Camera', Copyright: 'Someone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3900/100' },
    })
    .withIccProfile('p3')
    .toBuffer();
}

async function served(id: string, variant: string) {
  return GET(new Request(`http://plaza.test/api/media/${id}/${variant}`), { params: Promise.resolve({ id, variant }) });
}

beforeAll(() => {
  replaceMediaStorage(undefined);
});

afterAll(async () => {
  await db().$disconnect();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('refused uploads store nothing and say why', () => {
  it('refuses a text file renamed .jpg: the bytes decide, not the name', async () => {
    const fakeJpeg = Buffer.from('Dear diary, this is not a photo at all.\n'.repeat(50));
    await expectRefusedLeavingNothing(fakeJpeg, 'media.unsupported');
  });

  it('refuses an SVG, even one that starts with an XML declaration', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    await expectRefusedLeavingNothing(svg, 'media.svg');
    await expectRefusedLeavingNothing(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'media.svg');
  });

  it('refuses a 30,000 × 30,000 PNG from its header, before decoding it', async () => {
    const png = hugeClaimingPng();
    expect(png.length).toBeLessThan(100_000);
    const meta = await sharp(png, { limitInputPixels: false }).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 30_000, 30_000]);
    const error = await expectRefusedLeavingNothing(png, 'media.tooManyPixels');
    expect(error.messageRef).toEqual({ key: 'media.tooManyPixels', values: { megapixels: 40 } });
  });

  it('refuses a file over 20 MiB, even a real photo', async () => {
    const photo = await photoWithGps(64, 64);
    const oversize = Buffer.concat([photo, Buffer.alloc(20 * 1024 * 1024 + 1 - photo.length)]);
    expect(oversize.length).toBe(20 * 1024 * 1024 + 1);
    const error = await expectRefusedLeavingNothing(oversize, 'media.tooLarge');
    expect(error.messageRef).toEqual({ key: 'media.tooLarge', values: { megabytes: 20 } });
  });

  it('refuses a HEIC photo with the HEIC message while this libvips cannot decode HEVC', async () => {
    // sharp's prebuilt libvips reads AVIF only; a custom build with an HEVC decoder lists .heic.
    expect(canDecodeHeic()).toBe(false);
    expect(canDecodeHeic({ input: { fileSuffix: ['.avif'] } })).toBe(false);
    expect(canDecodeHeic({ input: { fileSuffix: ['.heic', '.heif', '.avif'] } })).toBe(true);
    expect(canDecodeHeic({ input: {} })).toBe(false);
    // The leading box of an iPhone photo: what the sniffer sees first.
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    const heic = Buffer.concat([ftyp, Buffer.alloc(2048)]);
    await expectRefusedLeavingNothing(heic, 'media.heic');
  });

  it('refuses a JPEG that is cut off half-way', async () => {
    const photo = await photoWithGps(800, 600);
    await expectRefusedLeavingNothing(photo.subarray(0, Math.floor(photo.length / 2)), 'media.unreadable');
  });

  it('writes nothing when the store fails part-way through the variants', async () => {
    const disk = new LocalDiskStorage(mediaDir);
    let puts = 0;
    replaceMediaStorage({
      put: async (key, bytes, type) => {
        puts += 1;
        if (puts === 3) throw new Error('disk full');
        await disk.put(key, bytes, type);
      },
      get: (key) => disk.get(key),
      delete: (key) => disk.delete(key),
    });
    try {
      const viewer = await newViewer();
      const before = filesIn(mediaDir);
      await expect(storeImage(viewer, { bytes: await photoWithGps(400, 400), purpose: 'avatar' })).rejects.toThrow('disk full');
      expect(puts).toBe(3);
      expect(filesIn(mediaDir)).toEqual(before);
      expect(await rowsOf(viewer)).toBe(0);
    } finally {
      replaceMediaStorage(undefined);
    }
  });
});

describe('stored images', () => {
  it('strips GPS and every other piece of metadata from what is stored and served', async () => {
    const photo = await photoWithGps(1600, 1200);
    // First prove the upload really carries GPS, a camera name and a colour profile.
    const source = await sharp(photo).metadata();
    const sourceExif = exifReader(source.exif!);
    expect(sourceExif.GPSInfo?.GPSLatitude).toEqual([51, 30, 12.34]);
    expect(sourceExif.GPSInfo?.GPSLatitudeRef).toBe('N');
    expect(sourceExif.Image?.Make).toBe('Plaza Test Camera');
    expect(source.icc).toBeDefined();

    const viewer = await newViewer();
    const asset = await storeImage(viewer, { bytes: photo, purpose: 'avatar' });
    expect(await rowsOf(viewer)).toBe(1);

    for (const variant of ['sm', 'md', 'lg']) {
      const response = await served(asset.id, variant);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await response.arrayBuffer());
      const stored = await sharp(bytes).metadata();
      expect(stored.format).toBe('webp');
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
      expect(stored.icc).toBeUndefined();
      // Nowhere in the file, not even as stray bytes: no EXIF header, no camera name.
      expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
      expect(bytes.includes(Buffer.from('Plaza Test Camera'))).toBe(false);
    }
    // And on disk, every file of the asset is the same clean WebP.
    const files = filesIn(join(mediaDir, asset.id));
    expect(files).toHaveLength(3);
    for (const file of files) expect(readFileSync(file).includes(Buffer.from('Exif'))).toBe(false);
  });

  it('makes square avatars at 96, 320 and 640 and 3:1 covers at 640, 1280 and 1920, all WebP', async () => {
    const viewer = await newViewer();
    const avatar = await storeImage(viewer, { bytes: await photoWithGps(1600, 1200), purpose: 'avatar' });
    const cover = await storeImage(viewer, {
      bytes: await sharp({ create: { width: 2400, height: 1500, channels: 3, background: '#cc6633' } }).png().toBuffer(),
      purpose: 'cover',
    });
    expect(avatar.variants).toEqual([
      { name: 'sm', width: 96, height: 96 },
      { name: 'md', width: 320, height: 320 },
      { name: 'lg', width: 640, height: 640 },
    ]);
    expect(cover.variants).toEqual([
      { name: 'sm', width: 640, height: 213 },
      { name: 'md', width: 1280, height: 427 },
      { name: 'lg', width: 1920, height: 640 },
    ]);
    for (const asset of [avatar, cover]) {
      for (const variant of asset.variants) {
        const bytes = Buffer.from(await (await served(asset.id, variant.name)).arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['webp', variant.width, variant.height]);
      }
    }
    expect(avatar.urls.md).toBe(`/api/media/${avatar.id}/md`);
  });

  it('keeps a post photo\'s own shape at 360, 720 and 1440 wide, landscape and portrait alike', async () => {
    const viewer = await newViewer();
    const landscape = await storeImage(viewer, { bytes: await photoWithGps(3000, 2000), purpose: 'post' });
    const portrait = await storeImage(viewer, {
      bytes: await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#118844' } }).png().toBuffer(),
      purpose: 'post',
    });
    expect(landscape.variants).toEqual([
      { name: 'sm', width: 360, height: 240 },
      { name: 'md', width: 720, height: 480 },
      { name: 'lg', width: 1440, height: 960 },
    ]);
    expect([landscape.width, landscape.height]).toEqual([1440, 960]);
    // Smaller than the largest target: never enlarged, so the largest variant is the source's size.
    expect(portrait.variants).toEqual([
      { name: 'sm', width: 360, height: 480 },
      { name: 'md', width: 720, height: 960 },
      { name: 'lg', width: 1200, height: 1600 },
    ]);
    for (const asset of [landscape, portrait]) {
      for (const variant of asset.variants) {
        const bytes = Buffer.from(await (await served(asset.id, variant.name)).arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['webp', variant.width, variant.height]);
        expect(meta.exif).toBeUndefined();
      }
    }
    expect(imageSrcSet(portrait.id, 'post')).toBe(`/api/media/${portrait.id}/sm 360w, /api/media/${portrait.id}/md 720w, /api/media/${portrait.id}/lg 1440w`);
  });

  it('keeps a sideways-shot post photo upright and portrait', async () => {
    const sideways = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#884411' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const asset = await storeImage(await newViewer(), { bytes: sideways, purpose: 'post' });
    expect(asset.variants.map(({ width, height }) => [width, height])).toEqual([
      [360, 480],
      [600, 800],
      [600, 800],
    ]);
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    // 400 × 200: red on the left, blue on the right; "rotate 90° clockwise to view".
    const sideways = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#0000ff' } })
      .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const viewer = await newViewer();
    const asset = await storeImage(viewer, { bytes: sideways, purpose: 'avatar' });
    const bytes = Buffer.from(await (await served(asset.id, 'md')).arrayBuffer());
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    // Upright, red is on top and blue below.
    const [topRed, , topBlue] = pixel(info.width / 2, 10);
    const [bottomRed, , bottomBlue] = pixel(info.width / 2, info.height - 10);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);
  });

  it('takes the first frame of a GIF and accepts WebP, refusing nothing it can read', async () => {
    const viewer = await newViewer();
    const gif = await sharp({ create: { width: 300, height: 300, channels: 4, background: '#22aa44' } }).gif().toBuffer();
    const webp = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#2244aa' } }).webp().toBuffer();
    await expect(storeImage(viewer, { bytes: gif, purpose: 'avatar' })).resolves.toMatchObject({ width: 300, height: 300 });
    await expect(storeImage(viewer, { bytes: webp, purpose: 'avatar' })).resolves.toMatchObject({ width: 300, height: 300 });
  });

  it('serves 404 for unknown ids and variants, and for deleted images', async () => {
    const viewer = await newViewer();
    const asset = await storeImage(viewer, { bytes: await photoWithGps(200, 200), purpose: 'avatar' });
    expect((await served(asset.id, 'xl')).status).toBe(404);
    expect((await served('a'.repeat(24), 'sm')).status).toBe(404);
    expect((await served('../../etc/passwd', 'sm')).status).toBe(404);
    expect((await served(asset.id, 'sm')).status).toBe(200);

    const stranger = await newViewer();
    expect((await refusal(deleteImage(stranger, asset.id))).code).toBe('NOT_FOUND');
    await deleteImage(viewer, asset.id);
    expect((await served(asset.id, 'sm')).status).toBe(404);
    expect(filesIn(mediaDir).some((file) => file.includes(asset.id))).toBe(false);
  });
});

describe('avatars and covers', () => {
  it('sets only the viewer\'s own image, for the right purpose, and deletes the one it replaces', async () => {
    const viewer = await newViewer();
    const stranger = await newViewer();
    const photo = await photoWithGps(300, 300);
    const first = await storeImage(viewer, { bytes: photo, purpose: 'avatar' });
    const second = await storeImage(viewer, { bytes: photo, purpose: 'avatar' });
    const cover = await storeImage(viewer, { bytes: photo, purpose: 'cover' });
    const theirs = await storeImage(stranger, { bytes: photo, purpose: 'avatar' });

    expect((await refusal(setAvatar(viewer, theirs.id))).code).toBe('NOT_FOUND');
    expect((await refusal(setAvatar(viewer, cover.id))).messageRef).toBe('media.wrongPurpose');
    expect((await refusal(getOwnedAsset(viewer, 'not an id', 'avatar'))).code).toBe('NOT_FOUND');

    await setAvatar(viewer, first.id);
    await setCover(viewer, cover.id);
    await setAvatar(viewer, second.id);
    const user = await db().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { avatarId: true, coverId: true } });
    expect(user).toEqual({ avatarId: second.id, coverId: cover.id });
    expect((await served(first.id, 'sm')).status).toBe(404);
    expect(await db().mediaAsset.count({ where: { id: first.id } })).toBe(0);
    expect((await served(second.id, 'sm')).status).toBe(200);
  });
});
