import { z } from 'zod';

export const audiences = ['PUBLIC', 'FRIENDS', 'ONLY_ME'] as const;
export type Audience = (typeof audiences)[number];

export const maxPhotosPerPost = 9;
export const maxPostLength = 5000;
export const maxCommentLength = 1000;

const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'feed.notFound');
const assetIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'media.notFound');
const audienceSchema = z.enum(audiences, 'feed.audience');
const bodySchema = z.string().trim().max(maxPostLength, 'feed.tooLong');
const locationSchema = z
  .string()
  .trim()
  .max(80, 'feed.locationTooLong')
  .optional()
  .transform((value) => value || null);

export const createPostSchema = z
  .object({
    body: bodySchema,
    audience: audienceSchema,
    locationName: locationSchema,
    mediaIds: z.array(assetIdSchema).max(maxPhotosPerPost, 'feed.tooManyPhotos').default([]),
  })
  .refine((post) => post.body.length > 0 || post.mediaIds.length > 0, { message: 'feed.empty', path: ['body'] });
export type CreatePostInput = z.output<typeof createPostSchema>;

export const editPostSchema = z.object({ postId: idSchema, body: bodySchema, audience: audienceSchema, locationName: locationSchema });
export type EditPostInput = z.output<typeof editPostSchema>;

export const sharePostSchema = z.object({ postId: idSchema, body: bodySchema, audience: audienceSchema });
export type SharePostInput = z.output<typeof sharePostSchema>;

export const postRefSchema = z.object({ postId: idSchema });
export const postRefsSchema = z.object({ postIds: z.array(idSchema).min(1).max(100) });
export const likeSchema = z.object({ postId: idSchema, liked: z.boolean() });

export const commentSchema = z.object({
  postId: idSchema,
  parentId: idSchema.optional(),
  body: z.string().trim().min(1, 'feed.commentEmpty').max(maxCommentLength, 'feed.commentTooLong'),
});
export type CommentInput = z.output<typeof commentSchema>;
export const commentRefSchema = z.object({ commentId: idSchema });

export const reportReasons = ['spam', 'harassment', 'violence', 'nudity', 'false', 'other'] as const;
export const reportSchema = z.object({ targetType: z.enum(['post', 'comment']), targetId: idSchema, reason: z.enum(reportReasons, 'feed.reportReason') });
export type ReportInput = z.output<typeof reportSchema>;
export const resolveReportSchema = z.object({ targetType: z.enum(['post', 'comment']), targetId: idSchema, resolution: z.enum(['hidden', 'dismissed']) });

/** Which timeline to page through, and from where (an opaque cursor from the previous page). */
export const timelineSchema = z.object({
  timeline: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('home') }),
    z.object({ kind: z.literal('profile'), handle: z.string().min(1).max(30) }),
    z.object({ kind: z.literal('hashtag'), tag: z.string().min(1).max(50) }),
  ]),
  cursor: z.string().max(120).optional(),
});
export type TimelineRef = z.output<typeof timelineSchema>['timeline'];

export type PersonRef = { id: string; handle: string; name: string; avatarId: string | null };
export type PhotoDto = { id: string; width: number; height: number };

/** A post as one viewer sees it: counts leave out people either of them blocked. */
export type PostDto = {
  id: string;
  author: PersonRef;
  body: string;
  audience: Audience;
  locationName: string | null;
  photos: PhotoDto[];
  likeCount: number;
  commentCount: number;
  shareCount: number;
  likedByMe: boolean;
  mine: boolean;
  hidden: boolean;
  edited: boolean;
  createdAt: string;
  /** For a share: the original, or null when the viewer may not see it (or it was deleted). */
  shared: Omit<PostDto, 'shared'> | null | undefined;
};

export type TimelinePage = { items: PostDto[]; next: string | null };

export type CommentDto = {
  id: string;
  author: PersonRef;
  parentId: string | null;
  body: string;
  createdAt: string;
  mine: boolean;
  /** The viewer wrote it, or it is on the viewer's post: either may delete it. */
  deletable: boolean;
};

export type PostStats = { postId: string; likeCount: number; commentCount: number; shareCount: number; likedByMe: boolean };
