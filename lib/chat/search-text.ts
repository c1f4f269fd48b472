import type { SearchHit } from './schemas';

/** A hit as the search page shows it: `marks` are [start, end) ranges of `snippet` to highlight. */
export type SearchResult = SearchHit & { marks: [number, number][] };

/** What searchSchema accepts. */
export const maxSearchLength = 100;
const snippetLength = 80;
/** How much text before the first match the snippet keeps, so the match reads in context. */
const leadIn = 24;

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of a query as websearch syntax reads them: no quotes, no leading minus, no OR. */
export function queryTerms(query: string): string[] {
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(/^[-"]+|"+$/g, ''))
    // A lone letter would light up half the snippet.
    .filter((word) => [...word].length > 1 && word.toLowerCase() !== 'or');
  return [...new Set([query.trim(), ...words])].filter((term) => term.length > 0);
}

/** Ranges of `text` where any term occurs, case-insensitively. */
function occurrences(text: string, terms: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (const match of text.matchAll(new RegExp(escapeRegExp(term), 'giu'))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/**
 * Ranges between the markers Postgres's ts_headline put around stemmed matches, when the marked
 * text is the body itself (otherwise the marks cannot be trusted and are dropped).
 */
function headlineRanges(body: string, headline: string | null, start: string, stop: string): [number, number][] {
  if (!headline) return [];
  const ranges: [number, number][] = [];
  let plain = '';
  let openedAt = -1;
  for (const character of headline) {
    if (character === start) openedAt = plain.length;
    else if (character === stop) {
      if (openedAt >= 0 && plain.length > openedAt) ranges.push([openedAt, plain.length]);
      openedAt = -1;
    } else plain += character;
  }
  return plain === body ? ranges : [];
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Never cut between the two halves of an emoji or other character outside the BMP. */
function isLowSurrogate(text: string, index: number) {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * About 80 characters of `body` around its first match, with '…' where it was cut, and where
 * the matches are in it. Matches are the query or any of its words as typed, and the words
 * full-text search matched by their stem (marked in `headline`); with none, the start.
 */
export function snippetOf(body: string, query: string, headline: string | null = null, markers = { start: '\u0001', stop: '\u0002' }) {
  const matches = merge([...headlineRanges(body, headline, markers.start, markers.stop), ...occurrences(body, queryTerms(query))]);
  const first = matches[0]?.[0] ?? 0;
  let from = Math.max(0, Math.min(first - leadIn, body.length - snippetLength));
  let to = Math.min(body.length, from + snippetLength);
  if (from > 0 && isLowSurrogate(body, from)) from += 1;
  if (to < body.length && isLowSurrogate(body, to)) to -= 1;
  const prefix = from > 0 ? '…' : '';
  const snippet = `${prefix}${body.slice(from, to)}${to < body.length ? '…' : ''}`;
  const shift = prefix.length - from;
  const marks = matches.flatMap(([start, end]): [number, number][] => {
    const clipped: [number, number] = [Math.max(start, from) + shift, Math.min(end, to) + shift];
    return clipped[0] < clipped[1] ? [clipped] : [];
  });
  return { snippet, marks };
}

/** The snippet split into plain and marked parts, for rendering with <mark>. */
export function markedParts(snippet: string, marks: [number, number][]): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > snippet.length) continue;
    if (start > at) parts.push({ text: snippet.slice(at, start), marked: false });
    parts.push({ text: snippet.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}
