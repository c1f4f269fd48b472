'use server';
import { z } from 'zod';
import { action } from '@/lib/core/action';
import { removeAvatar, removeCover, setAvatar, setCover } from './profile-media';

const kindSchema = z.enum(['avatar', 'cover'], 'media.purpose');

export const setProfileImageAction = action(
  z.object({ kind: kindSchema, assetId: z.string().min(1, 'media.notFound').max(64, 'media.notFound') }),
  ({ kind, assetId }, { viewer }) => (kind === 'avatar' ? setAvatar(viewer, assetId) : setCover(viewer, assetId)),
);

export const removeProfileImageAction = action(z.object({ kind: kindSchema }), ({ kind }, { viewer }) =>
  kind === 'avatar' ? removeAvatar(viewer) : removeCover(viewer),
);
