import type { Viewer } from '@/lib/core/session';

/**
 * Who may do what with posts. Seeing a post is decided in SQL (db.ts `visibleTo`), so every
 * list, count and lookup applies the same rule; these are the rules on top of seeing.
 */

/** Only the author edits or deletes a post. */
export function mayChangePost(viewer: Viewer, post: { authorId: string }): boolean {
  return post.authorId === viewer.id;
}

/** A comment goes away at the hand of whoever wrote it or whoever owns the post under it. */
export function mayDeleteComment(viewer: Viewer, comment: { authorId: string }, post: { authorId: string }): boolean {
  return comment.authorId === viewer.id || post.authorId === viewer.id;
}
