import { escapeMarkdown } from '../../domain/index.js';
import { type Card, expandCard } from './templates.js';

/** A card with no action: what a spent form turns into, so it cannot be pressed twice. */
export function noticeCard(input: {
  title: string;
  text: string;
  quote?: string;
  color?: 'Good' | 'Default' | 'Attention';
}): Card {
  // The quote is a note people wrote (a reason, a detail): shown as text (issue 13).
  return expandCard('notice', {
    color: 'Default',
    ...input,
    quote: escapeMarkdown(input.quote ?? ''),
  });
}
