/** What browser code may import from the feed: event schemas, text parsing, limits and types. */
export { feedEvents, postCreatedSchema, postChangedSchema, postChannelScope } from './events';
export { splitPostText, hashtagPath, postPath, type TextPart } from './text';
export { audiences, maxPhotosPerPost, maxPostLength, maxCommentLength, reportReasons } from './schemas';
export type { Audience, PostDto, CommentDto, TimelinePage, TimelineRef, PostStats, PhotoDto, PersonRef } from './schemas';
