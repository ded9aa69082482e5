import type { Highlight, Segment } from '#shared/schemas/highlight';
import type { SearchDoc } from '../ports/search';
import { type QueryWord, type Token, tokenize } from './analyze';
import { tokenMatches, TYPO_WORDS } from './match';

/**
 * Highlights as text segments, never HTML: each segment is a slice of the source text, so the
 * segments of a snippet put together give the source back exactly (with "…" where it was cut),
 * and a title "<b>x</b>" stays those characters.
 */

/** A snippet is about this long: two lines of a list card. */
const SNIPPET = 200;
const SNIPPET_MAX = 220;
/** How much text comes before the first match, so the reader sees it in context. */
const LEAD = 60;
const ELLIPSIS = '…';
const SPACE = /\s/u;

export function highlightDoc(doc: SearchDoc, words: QueryWord[], terms: ReadonlySet<string>, excerpt?: string): Highlight {
  const isHit = (token: Token): boolean => terms.has(token.term) || words.some((word, i) => tokenMatches(token, word, i < TYPO_WORDS));
  const title = doc.kind === 'idea' ? segments(doc.title, 0, doc.title.length, tokenize(doc.title), isHit) : [];
  const sources = doc.kind === 'idea' ? [doc.body, doc.plainSummary ?? ''] : [doc.body];
  for (const source of sources) {
    const tokens = tokenize(source);
    const first = tokens.find(isHit);
    if (first) return { title, snippet: snippet(source, tokens, first, isHit) };
  }
  const fallback = excerpt ?? doc.body;
  const tokens = tokenize(fallback);
  return { title, snippet: snippet(fallback, tokens, undefined, isHit) };
}

function snippet(text: string, tokens: Token[], first: Token | undefined, isHit: (t: Token) => boolean): Segment[] {
  const [from, to] = window(text, first);
  const parts = segments(text, from, to, tokens, isHit);
  if (from > 0) addEllipsis(parts, 'start');
  if (to < text.length) addEllipsis(parts, 'end');
  return parts;
}

/** The slice to show: the whole text when short, otherwise ~200 characters from a little before the hit, cut between words. */
function window(text: string, hit: Token | undefined): [number, number] {
  if (text.length <= SNIPPET_MAX) return [0, text.length];
  const at = hit?.start ?? 0;
  const atEnd = hit?.end ?? 0;
  let from = Math.max(0, at - LEAD);
  if (from + SNIPPET > text.length) from = Math.max(0, text.length - SNIPPET);
  if (from > 0) {
    // Start after a space (never inside a word), but never after the hit itself.
    while (from < at && !SPACE.test(text.charAt(from - 1))) from++;
  }
  let to = Math.min(text.length, from + SNIPPET);
  if (to < text.length) {
    let cut = to;
    while (cut > atEnd && !SPACE.test(text.charAt(cut))) cut--;
    // A hit word longer than the window is shown up to the window's end rather than not at all.
    to = cut > atEnd ? cut : Math.min(text.length, Math.max(atEnd, from + SNIPPET));
  }
  while (to > from && SPACE.test(text.charAt(to - 1))) to--;
  // A hard cut must not split an emoji (a surrogate pair) in two.
  if (to < text.length && /[\uD800-\uDBFF]/.test(text.charAt(to - 1))) to--;
  return [from, to];
}

/** The slice [from, to) of the text as segments, each hit word its own segment marked hit. */
function segments(text: string, from: number, to: number, tokens: Token[], isHit: (t: Token) => boolean): Segment[] {
  const parts: Segment[] = [];
  let at = from;
  for (const token of tokens) {
    if (token.start < from || token.end > to || !isHit(token)) continue;
    if (token.start > at) parts.push({ text: text.slice(at, token.start) });
    parts.push({ text: text.slice(token.start, token.end), hit: true });
    at = token.end;
  }
  if (to > at) parts.push({ text: text.slice(at, to) });
  return parts;
}

function addEllipsis(parts: Segment[], where: 'start' | 'end'): void {
  const edge = where === 'start' ? parts[0] : parts[parts.length - 1];
  if (edge && !edge.hit) {
    edge.text = where === 'start' ? ELLIPSIS + edge.text : edge.text + ELLIPSIS;
  } else if (where === 'start') {
    parts.unshift({ text: ELLIPSIS });
  } else {
    parts.push({ text: ELLIPSIS });
  }
}
