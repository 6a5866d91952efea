import { z } from '../../config/zod.js';
import { cleanText, firstCharacters } from '../../domain/index.js';

/**
 * Card inputs are strings, cleaned of control and bidi characters where they enter (issue 13). Over-long values are cut just past their limit rather than refused
 * outright, so the rules still report "too long" next to the field and the card keeps the text.
 *
 * The limit counts what the rules count: characters as the reader sees them (grapheme clusters,
 * R8's reasonLength). The card's own maxLength is enforced by Teams as HTML maxlength, in UTF-16
 * code units, which is never more than the characters: anything the card lets through stays whole
 * here, and a client that ignores maxLength gets "too long", never a silently shortened reason.
 */
export const text = (limit: number) =>
  z
    .string()
    .optional()
    .default('')
    .transform((value) => cleanText(value))
    // UTF-16 units >= characters, so a value within the limit in units needs no segmenting.
    .transform((value) => (value.length > limit + 1 ? firstCharacters(value, limit + 1) : value));

/** Ids we generated (UUIDs, tenant GUIDs): short, printable. */
export const id = z.string().trim().min(1).max(200);
