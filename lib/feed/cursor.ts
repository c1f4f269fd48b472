import type { Cursor } from './db';

/** Keyset cursors travel as opaque strings: "<ISO time>|<id>" in base64url. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

/** A cursor that does not decode is treated as "from the top", never as an error page. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[a-z0-9]{20,40}$/.test(id) || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}
