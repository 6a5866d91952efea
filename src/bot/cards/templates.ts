import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Template {
  expand(context: { $root: unknown }): unknown;
}
// Loaded untyped: the package's .d.ts imports the adaptivecards *TypeScript sources*, which
// this project's strict compiler settings reject.
const ACData = createRequire(import.meta.url)('adaptivecards-templating') as {
  Template: new (payload: unknown) => Template;
};

/** An Adaptive Card, as JSON sent to Teams. */
export type Card = Record<string, unknown> & { type: 'AdaptiveCard' };

export const CARD_NAMES = [
  'change-esd',
  'esd-changed',
  'engagements',
  'pick-tenant',
  'pick-workload',
  'no-response',
  'history',
  'help',
  'upcoming',
  'notice',
  'reminder',
  'handoff',
  'capacity',
  'tenant-timeline',
  'tenant-history',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

// From src/ (tsx, tests) or dist/src/ (npm start), the cards/ folder sits at the package root.
function findCardsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cards')))
      return join(dir, 'cards');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cards/ folder not found above the bot code');
    dir = parent;
  }
}

const CARDS_DIR = findCardsDir();
const templates = new Map<CardName, Template>();

function template(name: CardName): Template {
  let found = templates.get(name);
  if (!found) {
    found = new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, found);
  }
  return found;
}

/**
 * Expands a template from cards/ with `data`. Every bound value must be present (the templating
 * library leaves `${...}` in place for an undefined one); the card tests check none is left.
 */
export function expandCard(name: CardName, data: object): Card {
  return template(name).expand({ $root: data }) as Card;
}
