import 'server-only';

/** The feed domain's public API: timelines, posts, and what other domains need to know of them. */
export {
  listHomeTimeline,
  listProfileTimeline,
  listHashtagTimeline,
  getPost,
  listComments,
  visiblePostIds,
  mayListenOnPostChannel,
  createPost,
  sharePost,
  setLike,
  addComment,
  report,
  listModerationQueue,
} from './service';
export type { ModerationItem } from './service';
export type { PostDto, CommentDto, TimelinePage, Audience } from './schemas';
