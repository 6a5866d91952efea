/**
 * R8: every change has a reason, written to the Overall Status Notes. The FAQ asks only for the
 * reason: anything that says something is one, in any language and any length ("Postponed",
 * "Adiado", "延期"). Refused is only what carries no reason at all: nothing, or no letter or digit
 * of any script (blanks, punctuation, symbols, emoji). The same test in every language: no word
 * lists, no minimum length.
 */

export const REASON_MAX_LENGTH = 1000;

export type ReasonProblem = 'reason_missing' | 'reason_too_long';

/** Control characters out, Unicode normalized, runs of blanks collapsed, ends trimmed. */
export function normalizeReason(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, '\n')
      .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ''))
      // After the removals: a removed character may have kept a letter from its combining mark.
      .normalize('NFC')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .trim()
  );
}

/** A reason carries something to read: at least one letter or digit, of any script. */
export function carriesReason(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

// Made on first use, not at import: a Segmenter pages in ICU's break rules (~1 MiB of RSS) that
// an idle process does not need (issue 20).
let graphemes: Intl.Segmenter | undefined;

/** UTF-16 units segmented at a time (see `graphemesOf`). */
const CHUNK = 512;

/**
 * The grapheme clusters of `text`, in order, in linear time. V8's segmenter spends time in
 * proportion to the whole string on every step, so segmenting a pasted 100,000-character text
 * took seconds (and a string of combining marks 1.4 s for its first thousand characters): it is
 * segmented a chunk at a time instead, each chunk resuming at the start of the previous one's
 * last clusters, which may have been cut. A single cluster longer than a chunk (hundreds of
 * stacked combining marks, never a real character) may be counted more than once.
 */
export function* graphemesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    // Never cut a surrogate pair: half a character would be a "character" of its own.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const parts = [...graphemes.segment(text.slice(start, end))];
    // The last two clusters may be parts of one cut short (a flag is a pair of regional
    // indicators; a family emoji joins several): they are segmented again with what follows.
    const keep = end === text.length ? parts.length : Math.max(1, parts.length - 2);
    for (let i = 0; i < keep; i++) yield (parts[i] as Intl.SegmentData).segment;
    const next = parts[keep];
    start = next ? start + next.index : end;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Length in user-perceived characters (grapheme clusters), so that every script counts alike:
 * "é" written with a combining accent, a Hangul syllable from jamo, a flag or a family emoji is
 * one character, as the reader sees it.
 */
export function reasonLength(text: string): number {
  let count = 0;
  for (const _ of graphemesOf(text)) count++;
  return count;
}

/** The first `max` characters (grapheme clusters) of `text`: never cuts a character in two. */
export function firstCharacters(text: string, max: number): string {
  let out = '';
  let count = 0;
  for (const segment of graphemesOf(text)) {
    if (count === max) break;
    out += segment;
    count++;
  }
  return out;
}

/**
 * Whether `text` has more than `max` characters (grapheme clusters). A string of at most `max`
 * UTF-16 units cannot (a character is at least one unit), and counting stops at `max + 1`.
 */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of graphemesOf(text)) if (++count > max) return true;
  return false;
}

export function checkReason(
  raw: string | null | undefined,
): { ok: true; reason: string } | { ok: false; problem: ReasonProblem } {
  // Anything but a string (a malformed card submission) says nothing: missing, not a crash.
  const reason = normalizeReason(typeof raw === 'string' ? raw : '');
  // Blank, or only punctuation, symbols or emoji: no reason was given.
  if (!carriesReason(reason)) return { ok: false, problem: 'reason_missing' };
  if (longerThan(reason, REASON_MAX_LENGTH)) return { ok: false, problem: 'reason_too_long' };
  return { ok: true, reason };
}
