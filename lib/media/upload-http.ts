import 'server-only';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/core/env';
import { AppError, type MessageRef } from '@/lib/core/errors';
import { enforceRateLimit } from '@/lib/core/rate-limit';
import { getViewer } from '@/lib/core/session';
import type { UploadResponse } from './client';
import { uploadFormSchema } from './schemas';
import { storeImage, tooLarge } from './service';

/**
 * POST /api/media/upload: a route handler rather than a server action because the browser
 * shows upload progress, which only XMLHttpRequest can report.
 */

// Room for the multipart boundary, headers and the `purpose` field around the file itself.
const multipartOverhead = 64 * 1024;

function statusFor(error: AppError): number {
  const key = typeof error.messageRef === 'string' ? error.messageRef : error.messageRef.key;
  if (error.code === 'FORBIDDEN') return key === 'signInRequired' ? 401 : 403;
  if (error.code === 'RATE_LIMITED') return 429;
  if (error.code === 'NOT_FOUND') return 404;
  if (key === 'media.tooLarge') return 413;
  if (key === 'media.svg' || key === 'media.heic' || key === 'media.unsupported') return 415;
  return 422;
}

async function failure(error: AppError): Promise<Response> {
  const t = await getTranslations('errors');
  const say = (ref: MessageRef) => {
    const { key, values } = typeof ref === 'string' ? { key: ref, values: undefined } : ref;
    return t.has(key) ? t(key, values) : t('invalidField');
  };
  // A form error names its field's problem: the one a person needs to see beside the control.
  const firstField = Object.values(error.fieldErrors)[0];
  const body: UploadResponse = { ok: false, code: error.code, message: say(firstField ?? error.messageRef) };
  return Response.json(body, { status: statusFor(error) });
}

/** Browsers send Origin on every cross-site POST; refuse those (the session cookie is Lax, this is belt and braces). */
function crossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Reads the body but stops as soon as it passes `limit`, so a huge upload is not held in memory. */
async function readCapped(request: Request, limit: number): Promise<Blob> {
  const reader = request.body?.getReader();
  if (!reader) return new Blob([]);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(env().MEDIA_MAX_BYTES);
    }
    chunks.push(value);
  }
  return new Blob(chunks as Uint8Array<ArrayBuffer>[]);
}

async function parseUpload(request: Request) {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) throw new AppError('INVALID', 'media.fileRequired');
  const limit = env().MEDIA_MAX_BYTES + multipartOverhead;
  // Refuse by the declared length before reading anything; the capped read catches liars.
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge(env().MEDIA_MAX_BYTES);
  const body = await readCapped(request, limit);
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData().catch(() => {
    throw new AppError('INVALID', 'media.fileRequired');
  });
  const parsed = uploadFormSchema.safeParse({ purpose: form.get('purpose'), file: form.get('file') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('INVALID', 'checkFields', { [String(issue.path[0])]: issue.message });
  }
  return { purpose: parsed.data.purpose, bytes: new Uint8Array(await parsed.data.file.arrayBuffer()) };
}

export async function handleUploadRequest(request: Request): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError('FORBIDDEN', 'signInRequired');
    if (crossSite(request)) throw new AppError('FORBIDDEN', 'forbidden');
    await enforceRateLimit({ name: 'media-upload', limit: env().RATE_LIMIT_MEDIA_UPLOADS_PER_HOUR, windowSeconds: 60 * 60 }, `user:${viewer.id}`);
    const upload = await parseUpload(request);
    const asset = await storeImage(viewer, upload);
    const body: UploadResponse = { ok: true, id: asset.id, urls: asset.urls, width: asset.width, height: asset.height };
    return Response.json(body, { status: 201 });
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    throw error;
  }
}
