import { handleUploadRequest } from '@/lib/media';

export async function POST(request: Request) {
  return handleUploadRequest(request);
}
