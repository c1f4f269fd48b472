import { serveVariantRequest } from '@/lib/media';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  return serveVariantRequest(await params);
}
