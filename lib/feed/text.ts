/**
 * How post text turns into links: #hashtags and @mentions. Shared by the server (which stores
 * hashtags and notifies mentioned people) and the browser (which renders the links), so both
 * always agree on what is a tag.
 */

// Letters and digits of any script, so #周末 and #café are tags; a tag ends at anything else.
const hashtagPattern = /#([\p{L}\p{N}_]{1,50})/gu;
// Handles as the account domain allows them: a letter, then letters, digits or underscores.
const mentionPattern = /@([a-z][a-z0-9_]{2,29})\b/gi;

export const maxHashtagsPerPost = 20;
export const maxMentionsPerPost = 20;

/** Tags are compared lower-cased; Chinese has no case and stays as written. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

export function extractHashtags(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(hashtagPattern)) tags.add(normalizeTag(match[1]!));
  return [...tags].slice(0, maxHashtagsPerPost);
}

export function extractMentions(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(mentionPattern)) handles.add(match[1]!.toLowerCase());
  return [...handles].slice(0, maxMentionsPerPost);
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'hashtag'; text: string; tag: string } | { kind: 'mention'; text: string; handle: string };

/** The text cut into plain runs, hashtags and mentions, in order, for rendering. */
export function splitPostText(text: string): TextPart[] {
  const pattern = /#([\p{L}\p{N}_]{1,50})|@([a-z][a-z0-9_]{2,29})\b/giu;
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    if (match[1]) parts.push({ kind: 'hashtag', text: match[0], tag: normalizeTag(match[1]) });
    else parts.push({ kind: 'mention', text: match[0], handle: match[2]!.toLowerCase() });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function hashtagPath(tag: string): string {
  return `/feed/tag/${encodeURIComponent(tag)}`;
}

export function postPath(postId: string): string {
  return `/feed/p/${postId}`;
}
