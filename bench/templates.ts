// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file is about card-template bindings
/**
 * Issue 14, item 6: does the compiled fast path (src/bot/cards/compiled-template.ts) still pay?
 * Expands every card template that compiles, both ways, side by side: adaptivecards-templating
 * (expandWithLibrary) and the fast path (expandCard, which takes it for these cards and data).
 * CPU time per expansion (process.cpuUsage, user + system), many expansions per block, the two
 * engines alternating which goes first each round; the median of the rounds. The saving on the
 * change card (expanded once per typed-date turn, bench:turn) is set against that turn's CPU.
 *
 *   npx tsx bench/templates.ts                 # BENCH_ROUNDS (default 15), BENCH_ITERATIONS (2000)
 *
 * Data: every path the template binds, filled the way the builders fill it (text for text,
 * choice lists for `choices`, an object for `data`, '' for the errors that `$when` hides), and
 * both engines are checked to give the same card before anything is timed.
 */
import { deepStrictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CARD_NAMES,
  type CardName,
  expandCard,
  expandWithLibrary,
  isCompiled,
} from '../src/bot/cards/templates.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
/** bench/RESULTS.md section 1: esd-bot's CPU per typed-date turn, 1 connection, SQLite. */
const TURN_CPU_MS = 3.8;

const CARDS_DIR = join(import.meta.dirname, '../cards');

function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split('.');
  let at = data;
  for (const name of names.slice(0, -1)) {
    if (typeof at[name] !== 'object' || at[name] === null) at[name] = {};
    at = at[name] as Record<string, unknown>;
  }
  at[names.at(-1) as string] = value;
}

const choices = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: `value-${i}`, title: `Choice number ${i + 1}` }));

/** Data for a template, shaped as its builder shapes it (see the header). */
function dataFor(name: CardName): object {
  const text = readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8');
  const data: Record<string, unknown> = {};
  const hidden = new Set<string>();
  for (const m of text.matchAll(/"\$when":\s*"\$\{\s*([\w.]+)\s*!=\s*''\s*\}"/g))
    hidden.add(m[1] as string);
  for (const m of text.matchAll(/"([\w$]+)":\s*"\$\{([\w.]+)\}"/g)) {
    const [, key, path] = m as unknown as [string, string, string];
    if (key === 'choices') setPath(data, path, choices(path.includes('month') ? 13 : 4));
    else if (key === 'data') setPath(data, path, { verb: 'change', tenantId: 't-1', n: 3 });
    else setPath(data, path, `Contoso ${key} text, about a line`);
  }
  for (const m of text.matchAll(/\$\{([\w.]+)\}/g)) {
    const path = m[1] as string;
    if (!hidden.has(path) && !pathIn(data, path)) setPath(data, path, `Contoso ${path}`);
  }
  for (const path of hidden) setPath(data, path, '');
  return data;
}

function pathIn(data: Record<string, unknown>, path: string): boolean {
  let at: unknown = data;
  for (const name of path.split('.')) {
    if (typeof at !== 'object' || at === null || !(name in at)) return false;
    at = (at as Record<string, unknown>)[name];
  }
  return true;
}

/** CPU µs per expansion over one block. */
function block(expand: (name: CardName, data: object) => unknown, name: CardName, data: object) {
  const start = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) expand(name, data);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / ITERATIONS;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const rows: string[] = [];
let changeSaving = 0;
for (const name of CARD_NAMES.filter(isCompiled)) {
  const data = dataFor(name);
  deepStrictEqual(expandCard(name, data), expandWithLibrary(name, data));
  // Warm both (JIT, the library's expression cache).
  block(expandWithLibrary, name, data);
  block(expandCard, name, data);
  const library: number[] = [];
  const compiled: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      library.push(block(expandWithLibrary, name, data));
      compiled.push(block(expandCard, name, data));
    } else {
      compiled.push(block(expandCard, name, data));
      library.push(block(expandWithLibrary, name, data));
    }
  }
  const lib = median(library);
  const fast = median(compiled);
  if (name === 'change-esd') changeSaving = lib - fast;
  rows.push(
    `| ${name} | ${lib.toFixed(1)} (${Math.min(...library).toFixed(1)}–${Math.max(...library).toFixed(1)}) | ${fast.toFixed(1)} (${Math.min(...compiled).toFixed(1)}–${Math.max(...compiled).toFixed(1)}) | ${(lib - fast).toFixed(1)} |`,
  );
}

console.log(
  `CPU µs per expansion, median of ${ROUNDS} rounds of ${ITERATIONS} (range), Node ${process.version}\n`,
);
console.log('| card | adaptivecards-templating | compiled | saved |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  `\nchange card, once per typed-date turn: ${changeSaving.toFixed(1)} µs saved = ${((changeSaving / 1000 / TURN_CPU_MS) * 100).toFixed(2)} % of a turn's ${TURN_CPU_MS} CPU ms`,
);
