'use server';
import { action } from '@/lib/core/action';
import { env } from '@/lib/core/env';
import {
  commentRefSchema,
  commentSchema,
  createPostSchema,
  editPostSchema,
  likeSchema,
  postRefSchema,
  postRefsSchema,
  reportSchema,
  resolveReportSchema,
  sharePostSchema,
  timelineSchema,
} from './schemas';
import * as feed from './service';

// Writing is limited per person per hour; reading what is already on screen is not.
const writeLimit = () => ({ name: 'feed-writes', limit: env().RATE_LIMIT_SOCIAL_PER_HOUR * 3, windowSeconds: 60 * 60 });

export const createPostAction = action(createPostSchema, (input, { viewer }) => feed.createPost(viewer, input), { rateLimit: writeLimit });
export const editPostAction = action(editPostSchema, (input, { viewer }) => feed.editPost(viewer, input), { rateLimit: writeLimit });
export const deletePostAction = action(postRefSchema, (input, { viewer }) => feed.deletePost(viewer, input.postId));
export const sharePostAction = action(sharePostSchema, (input, { viewer }) => feed.sharePost(viewer, input), { rateLimit: writeLimit });
export const likePostAction = action(likeSchema, (input, { viewer }) => feed.setLike(viewer, input), { rateLimit: writeLimit });
export const addCommentAction = action(commentSchema, (input, { viewer }) => feed.addComment(viewer, input), { rateLimit: writeLimit });
export const deleteCommentAction = action(commentRefSchema, (input, { viewer }) => feed.deleteComment(viewer, input.commentId));
export const listCommentsAction = action(postRefSchema, (input, { viewer }) => feed.listComments(viewer, input.postId));
export const loadTimelineAction = action(timelineSchema, (input, { viewer }) => feed.listTimeline(viewer, input));
export const postStatsAction = action(postRefsSchema, (input, { viewer }) => feed.getPostStats(viewer, input.postIds));
export const reportAction = action(reportSchema, (input, { viewer }) => feed.report(viewer, input), { rateLimit: writeLimit });
export const resolveReportAction = action(resolveReportSchema, (input, { viewer }) => feed.resolveReport(viewer, input));
