import 'server-only';
import { variantParamsSchema } from './schemas';
import { readVariant } from './service';

const notFoundResponse = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/** A stored variant: immutable (a new upload is a new id), never sniffed, never scripted. */
export async function serveVariantRequest(params: unknown): Promise<Response> {
  const parsed = variantParamsSchema.safeParse(params);
  if (!parsed.success) return notFoundResponse();
  const bytes = await readVariant(parsed.data.id, parsed.data.variant);
  if (!bytes) return notFoundResponse();
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}
