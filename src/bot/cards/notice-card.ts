import { type Card, expandCard } from './templates.js';

/** A card with no action: what a spent form turns into, so it cannot be pressed twice. */
export function noticeCard(input: {
  title: string;
  text: string;
  quote?: string;
  color?: 'Good' | 'Default' | 'Attention';
}): Card {
  return expandCard('notice', { quote: '', color: 'Default', ...input });
}
