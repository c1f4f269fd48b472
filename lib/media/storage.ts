import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { env } from '@/lib/core/env';
import { S3Storage } from './s3-storage';
import { checkedKey } from './storage-key';

/**
 * Where image bytes live: the local disk, or an S3-compatible bucket (s3-storage.ts). Kept to
 * three calls so that either serves the service unchanged:
 * - `put(key, bytes, contentType)` stores bytes under a key and resolves once they are durable.
 *   Keys are fresh for every asset, so a put never overwrites something in use.
 * - `get(key)` returns the bytes, or null when nothing is stored under the key.
 * - `delete(key)` removes the bytes; deleting a missing key is not an error.
 * Keys look like `<assetId>/<variant>.webp`: lowercase letters, digits, `/`, `-` and `.`.
 */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** Files under one directory. A put writes a temporary file and renames it, so readers never see half a file. */
export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    return join(this.root, ...checkedKey(key).split('/'));
  }

  // Files carry no type; the route knows every variant is WebP.
  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.path(key);
    await rm(target, { force: true });
    // An asset's folder holds only its variants; remove it once empty so nothing lingers.
    await rmdir(dirname(target)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error;
    });
  }
}

let current: MediaStorage | undefined;

/** A bucket when MEDIA_S3_BUCKET is set, else the local disk under MEDIA_DIR. */
export function mediaStorage(): MediaStorage {
  current ??= configuredStorage();
  return current;
}

function configuredStorage(): MediaStorage {
  const settings = env();
  if (!settings.MEDIA_S3_BUCKET) return new LocalDiskStorage(resolve(settings.MEDIA_DIR));
  return new S3Storage({
    bucket: settings.MEDIA_S3_BUCKET,
    region: settings.MEDIA_S3_REGION,
    endpoint: settings.MEDIA_S3_ENDPOINT,
    accessKeyId: settings.MEDIA_S3_ACCESS_KEY_ID,
    secretAccessKey: settings.MEDIA_S3_SECRET_ACCESS_KEY,
    forcePathStyle: settings.MEDIA_S3_FORCE_PATH_STYLE,
  });
}

/** Test-only: swap the store (e.g. for one that fails part-way). Pass undefined to go back to the configured one. */
export function replaceMediaStorage(storage: MediaStorage | undefined): void {
  current = storage;
}
