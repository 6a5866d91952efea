import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_VERBS } from '../../src/bot/card-verbs.js';
import { VERB } from '../../src/bot/verbs.js';

const CARDS = join(import.meta.dirname, '../../cards');

describe('card verbs, defined once', () => {
  it('every verb has a handler, and every handler a verb', () => {
    expect(Object.keys(CARD_VERBS).sort()).toEqual(Object.values(VERB).sort());
  });

  it('every verb written in a card template is one of them', () => {
    const written = readdirSync(CARDS)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) =>
        [...readFileSync(join(CARDS, name), 'utf8').matchAll(/"verb":\s*"([^"$]+)"/g)].map(
          (match) => `${name}: ${match[1]}`,
        ),
      );
    expect(written.length).toBeGreaterThan(0);
    const known = new Set<string>(Object.values(VERB));
    for (const entry of written)
      expect(known.has(entry.split(': ')[1] as string), entry).toBe(true);
  });
});
