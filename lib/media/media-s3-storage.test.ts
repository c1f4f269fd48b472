import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The storage contract, run against the local disk and against an S3-compatible server (s3rver,
 * a local stand-in: this proves the S3 code against the S3 protocol, not against AWS itself).
 * The server starts before the settings are first read, so the app picks the bucket by env.
 */
const serverDir = mkdtempSync(join(tmpdir(), 'plaza-s3-test-'));
const diskDir = mkdtempSync(join(tmpdir(), 'plaza-media-disk-test-'));
const bucket = 'plaza-media-test';
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: serverDir, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
const endpoint = `http://127.0.0.1:${port}`;
// s3rver's one account.
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

Object.assign(process.env, {
  MEDIA_DIR: diskDir,
  MEDIA_S3_BUCKET: bucket,
  MEDIA_S3_ENDPOINT: endpoint,
  MEDIA_S3_REGION: 'us-east-1',
  MEDIA_S3_ACCESS_KEY_ID: credentials.accessKeyId,
  MEDIA_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  MEDIA_S3_FORCE_PATH_STYLE: 'true',
});

const { db } = await import('@/lib/core/db');
const { storeImage, deleteImage } = await import('./service');
const { LocalDiskStorage, mediaStorage, replaceMediaStorage } = await import('./storage');
const { S3Storage } = await import('./s3-storage');
type MediaStorage = import('./storage').MediaStorage;

const rawClient = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });

afterAll(async () => {
  const storage = mediaStorage();
  if (storage instanceof S3Storage) storage.destroy();
  rawClient.destroy();
  await server.close();
  await db().$disconnect();
  rmSync(serverDir, { recursive: true, force: true });
  rmSync(diskDir, { recursive: true, force: true });
});

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

/** What every store must do, whatever keeps the bytes. */
function storageContract(name: string, make: () => MediaStorage) {
  describe(`${name} keeps the storage contract`, () => {
    it('returns what was put, byte for byte, and null for a key never put', async () => {
      const storage = make();
      const payload = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).webp().toBuffer());
      await storage.put('contract1/md.webp', payload, 'image/webp');
      expect(Buffer.from((await storage.get('contract1/md.webp'))!)).toEqual(Buffer.from(payload));
      expect(await storage.get('contract1/never.webp')).toBeNull();
      expect(await storage.get('nobody-here/sm.webp')).toBeNull();
    });

    it('deletes, and deleting a missing key is not an error', async () => {
      const storage = make();
      await storage.put('contract2/sm.webp', bytesOf('first'), 'image/webp');
      await storage.put('contract2/lg.webp', bytesOf('second'), 'image/webp');
      await storage.delete('contract2/sm.webp');
      expect(await storage.get('contract2/sm.webp')).toBeNull();
      // Its sibling is untouched.
      expect(Buffer.from((await storage.get('contract2/lg.webp'))!).toString()).toBe('second');
      await expect(storage.delete('contract2/sm.webp')).resolves.toBeUndefined();
      await expect(storage.delete('never-stored/md.webp')).resolves.toBeUndefined();
    });

    it('refuses keys that could climb out of their place', async () => {
      const storage = make();
      await expect(storage.put('../escape.webp', bytesOf('x'), 'image/webp')).rejects.toThrow('Invalid media storage key');
      await expect(storage.get('a/../../b.webp')).rejects.toThrow('Invalid media storage key');
    });
  });
}

storageContract('the local disk', () => new LocalDiskStorage(diskDir));
storageContract('an S3-compatible bucket', () => mediaStorage());

describe('images stored in an S3-compatible bucket', () => {
  it('is the store the app chooses when MEDIA_S3_BUCKET is set', () => {
    replaceMediaStorage(undefined);
    expect(mediaStorage()).toBeInstanceOf(S3Storage);
  });

  it('stores every variant with its type and a long cache life, serves them, and deletes them', async () => {
    const user = await db().user.create({
      data: { email: `s3media${Date.now().toString(36)}@example.test`, handle: `s3media${Date.now().toString(36)}`, name: 'S3 Test' },
      select: { id: true, handle: true },
    });
    const viewer = { kind: 'person' as const, id: user.id, handle: user.handle, isAdmin: false };
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#aa3355' } }).jpeg().toBuffer();

    const asset = await storeImage(viewer, { bytes: photo, purpose: 'post' });
    expect(asset.variants.map((variant) => variant.width)).toEqual([360, 720, 1440]);
    for (const variant of asset.variants) {
      const head = await rawClient.send(new HeadObjectCommand({ Bucket: bucket, Key: `${asset.id}/${variant.name}.webp` }));
      expect(head.ContentType).toBe('image/webp');
      expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
      const bytes = await mediaStorage().get(`${asset.id}/${variant.name}.webp`);
      const meta = await sharp(bytes!).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', variant.width, variant.height]);
    }
    // Nothing went to the local disk.
    expect(readdirSync(diskDir).some((entry) => entry === asset.id)).toBe(false);

    await deleteImage(viewer, asset.id);
    for (const variant of asset.variants) expect(await mediaStorage().get(`${asset.id}/${variant.name}.webp`)).toBeNull();
  });
});
