import { z } from 'zod';

/**
 * Realtime events of the feed. They carry ids only: each browser asks for what it may see, so
 * an event never leaks a post, a count or a comment past its audience.
 */
export const feedEvents = {
  /** On the user channels of people whose home timeline gains the post. */
  postCreated: 'feed.post.created',
  /** On the post's own channel: likes, comments or the post itself changed. */
  postChanged: 'feed.post.changed',
} as const;

export const postCreatedSchema = z.object({ postId: z.string(), authorId: z.string() });
export const postChangedSchema = z.object({ postId: z.string(), what: z.enum(['likes', 'comments', 'post']) });

/** The scope of `private-post-<id>` channels; the feed's policy decides who may listen. */
export const postChannelScope = 'post';
