import { z } from 'zod';
import { cleanText } from '../../domain/index.js';

/**
 * Card inputs are strings, cleaned of control and bidi characters where they enter (issue 13). Over-long values are cut just past their limit rather than refused
 * outright, so the rules still report "too long" next to the field and the card keeps the text.
 */
export const text = (limit: number) =>
  z
    .string()
    .optional()
    .default('')
    .transform((value) => cleanText(value))
    .transform((value) => (value.length > limit + 1 ? value.slice(0, limit + 1) : value));

/** Ids we generated (UUIDs, tenant GUIDs): short, printable. */
export const id = z.string().trim().min(1).max(200);
