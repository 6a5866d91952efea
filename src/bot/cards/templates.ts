import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledTemplate, compileTemplate, NOT_COMPILED } from './compiled-template.js';

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
  'reminder-started',
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

interface LoadedTemplate {
  library: Template;
  /** The fast path, when the template is plain enough (see compiled-template.ts). */
  compiled: CompiledTemplate | null;
}
const templates = new Map<CardName, LoadedTemplate>();

function template(name: CardName): LoadedTemplate {
  let found = templates.get(name);
  if (!found) {
    const payload: unknown = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'));
    found = { library: new ACData.Template(payload), compiled: compileTemplate(payload) };
    templates.set(name, found);
  }
  return found;
}

/** Expands with adaptivecards-templating itself: the meaning every expansion must have. */
export function expandWithLibrary(name: CardName, data: object): Card {
  return template(name).library.expand({ $root: data }) as Card;
}

/** Whether `name` has a compiled fast path (for tests and benchmarks). */
export function isCompiled(name: CardName): boolean {
  return template(name).compiled !== null;
}

/**
 * Expands a template from cards/ with `data`. Every bound value must be present (the templating
 * library leaves `${...}` in place for an undefined one); the card tests check none is left.
 */
export function expandCard(name: CardName, data: object): Card {
  const { library, compiled } = template(name);
  if (compiled) {
    const card = compiled(data);
    if (card !== NOT_COMPILED) return card as Card;
  }
  return library.expand({ $root: data }) as Card;
}
