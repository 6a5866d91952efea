import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledTemplate, compileTemplate, NOT_COMPILED } from './compiled-template.js';

interface Template {
  expand(context: { $root: unknown }): unknown;
}
type TemplateLibrary = { Template: new (payload: unknown) => Template };
let ACData: TemplateLibrary | undefined;
/**
 * adaptivecards-templating with Adaptive Expressions (~4.5 MiB of the idle server), loaded by
 * the first card the compiled fast path does not cover, which then waits for it (0.2–0.8 s);
 * the change card of a typed-date turn never does. Untyped: the package's .d.ts imports the
 * adaptivecards *TypeScript sources*, which this project's strict compiler settings reject.
 */
function templateLibrary(): TemplateLibrary {
  ACData ??= createRequire(import.meta.url)('adaptivecards-templating') as TemplateLibrary;
  return ACData;
}

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
  payload: unknown;
  /** The library's template, built on the first expansion that needs it. */
  library: Template | null;
  /** The fast path, when the template is plain enough (see compiled-template.ts). */
  compiled: CompiledTemplate | null;
}
const templates = new Map<CardName, LoadedTemplate>();

function template(name: CardName): LoadedTemplate {
  let found = templates.get(name);
  if (!found) {
    const payload: unknown = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'));
    found = { payload, library: null, compiled: compileTemplate(payload) };
    templates.set(name, found);
  }
  return found;
}

function libraryTemplate(found: LoadedTemplate): Template {
  found.library ??= new (templateLibrary().Template)(found.payload);
  return found.library;
}

/** Expands with adaptivecards-templating itself: the meaning every expansion must have. */
export function expandWithLibrary(name: CardName, data: object): Card {
  return libraryTemplate(template(name)).expand({ $root: data }) as Card;
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
  const found = template(name);
  if (found.compiled) {
    const card = found.compiled(data);
    if (card !== NOT_COMPILED) return card as Card;
  }
  return libraryTemplate(found).expand({ $root: data }) as Card;
}
