import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AppError, type ErrorCode, type MessageRef } from './errors';
import { enforceRateLimit, type RateLimitRule } from './rate-limit';
import { clientIp } from './request';
import { getViewer, type Viewer } from './session';

/**
 * Server actions are public endpoints. Every one is built here: it authenticates, parses its
 * input with zod, rate-limits where asked and turns expected failures into a result a form can
 * show beside each field. Anything unexpected is rethrown to the segment's error boundary.
 */
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

type Context<V> = { viewer: V; ip: string };
type RateLimitOption = () => RateLimitRule;

function toPlainInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const entries: Record<string, FormDataEntryValue> = {};
    for (const [key, value] of raw.entries()) if (!key.startsWith('$ACTION')) entries[key] = value;
    return entries;
  }
  return raw ?? {};
}

async function fail(error: AppError): Promise<ActionFailure> {
  const t = await getTranslations('errors');
  const say = (ref: MessageRef) => {
    const { key, values } = typeof ref === 'string' ? { key: ref, values: undefined } : ref;
    return t.has(key) ? t(key, values) : t('invalidField');
  };
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, ref]) => [field, say(ref)]));
  return { ok: false, code: error.code, message: say(error.messageRef), fieldErrors };
}

/** zod issues become field errors keyed by the first path segment; messages are keys. */
function zodToAppError(error: z.ZodError): AppError {
  const fields: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // Our schemas give message keys; zod's own defaults contain spaces and become a generic message.
    fields[field] ??= /^[\w.]+$/.test(issue.message) ? issue.message : 'invalidField';
  }
  return new AppError('INVALID', 'checkFields', fields);
}

function build<S extends z.ZodType, R, V>(
  resolveViewer: () => Promise<V>,
  schema: S,
  run: (input: z.output<S>, ctx: Context<V>) => Promise<R>,
  rateLimit?: RateLimitOption,
) {
  return async (raw: unknown): Promise<ActionResult<R>> => {
    try {
      const viewer = await resolveViewer();
      const ip = await clientIp();
      const parsed = schema.safeParse(toPlainInput(raw));
      if (!parsed.success) return await fail(zodToAppError(parsed.error));
      if (rateLimit) {
        await enforceRateLimit(rateLimit(), viewer && typeof viewer === 'object' && 'id' in viewer ? `user:${String(viewer.id)}` : `ip:${ip}`);
      }
      return { ok: true, data: await run(parsed.data, { viewer, ip }) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return await fail(error);
      throw error;
    }
  };
}

async function signedInViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError('FORBIDDEN', 'signInRequired');
  return viewer;
}

export function action<S extends z.ZodType, R>(
  schema: S,
  run: (input: z.output<S>, ctx: Context<Viewer>) => Promise<R>,
  options: { rateLimit?: RateLimitOption } = {},
) {
  return build(signedInViewer, schema, run, options.rateLimit);
}

/** For the few actions that need no sign-in: sign-up, sign-in, password reset, language. */
export function publicAction<S extends z.ZodType, R>(
  schema: S,
  run: (input: z.output<S>, ctx: Context<Viewer | null>) => Promise<R>,
  options: { rateLimit?: RateLimitOption } = {},
) {
  return build(getViewer, schema, run, options.rateLimit);
}
