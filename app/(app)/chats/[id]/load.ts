import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getConversation } from '@/lib/chat';
import { AppError } from '@/lib/core/errors';
import { requireViewer } from '@/lib/core/session';

/** A conversation the viewer is not in answers exactly as one that never existed. */
export const loadConversation = cache(async (id: string) => {
  if (!/^[a-z0-9]{20,40}$/.test(id)) notFound();
  const viewer = await requireViewer();
  try {
    return { viewer, conversation: await getConversation(viewer, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
