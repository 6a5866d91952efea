/**
 * Where esd-bot's idle memory goes (issue 20): imports the module groups one after the other,
 * as the server loads them, and prints what each adds to the heap and to RSS (after a full GC),
 * then starts the app on an empty SQLite file and measures it idle, then what loads on first use.
 *
 *   node --expose-gc --import tsx bench/idle-memory.ts     # src through tsx
 *   npm run build && BENCH_FROM_DIST=1 node --expose-gc --import tsx bench/idle-memory.ts
 *
 * BENCH_FROM_DIST=1 imports dist/src (what `npm start` runs) instead of src through tsx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const ROOT = join(import.meta.dirname, '..');
const fromDist = process.env.BENCH_FROM_DIST === '1';
const own = (path: string) =>
  pathToFileURL(join(ROOT, fromDist ? `dist/src/${path}.js` : `src/${path}.ts`)).href;

// Packages by a name held in a variable: their types are not needed (and some ship sources tsc would check).
// `require:` loads a package's CommonJS build, as src/ does for kysely and zod (issue 20).
const requireCjs = createRequire(import.meta.url);
const load = async (name: string) =>
  name.startsWith('require:') ? requireCjs(name.slice('require:'.length)) : import(name);

const MiB = 1024 * 1024;
let last = { rss: 0, heap: 0 };
function mark(label: string): void {
  for (let i = 0; i < 3; i++) gc?.();
  const m = process.memoryUsage();
  const row = { rss: m.rss / MiB, heap: m.heapUsed / MiB };
  process.stdout.write(
    `${label.padEnd(58)} rss ${row.rss.toFixed(1).padStart(6)} (+${(row.rss - last.rss).toFixed(1).padStart(5)})  heap ${row.heap.toFixed(1).padStart(6)} (+${(row.heap - last.heap).toFixed(1).padStart(5)})  external ${(m.external / MiB).toFixed(1)}\n`,
  );
  last = row;
}

mark(`node ${process.version}${fromDist ? ' (dist)' : ' (tsx)'}`);
/** The module groups in the order the server loads them: what to import, and its label. */
const GROUPS: [string, string[]][] = [
  ['restify', ['restify']],
  ['botbuilder (CloudAdapter, connector, @azure)', ['botbuilder']],
  ['botbuilder-dialogs: its dialog classes alone', [own('bot/dialog-framework')]],
  [
    'kysely (CommonJS), better-sqlite3 (SQLite: pg only on PostgreSQL)',
    ['require:kysely', 'require:better-sqlite3'],
  ],
  ['pino, prom-client, zod (CommonJS)', ['pino', 'prom-client', 'require:zod']],
  ['date-fns (format, six locales)', [own('i18n/format')]],
  ['src/i18n (six languages of strings)', [own('i18n/translate')]],
  ['src/store', [own('store/index')]],
  ['src/bot', [own('bot/adapter')]],
  ['src/http (planner, reports, gateway, events)', [own('http/server')]],
  ['src/notify', [own('notify/start-delivery')]],
];
/** What the server loads only when a turn first needs it (not at start). */
const ON_FIRST_USE: [string, string[]][] = [
  [
    'TextPrompt (the customer question; choice recognizers)',
    ['botbuilder-dialogs/lib/prompts/textPrompt.js'],
  ],
  [
    'adaptivecards-templating (cards the compiled path does not cover)',
    ['adaptivecards-templating'],
  ],
  [
    '@microsoft/recognizers-text-date-time (dates dayAndMonth does not read)',
    ['@microsoft/recognizers-text-date-time'],
  ],
  ['botbuilder-dialogs index (what dialog-framework.ts avoids)', ['botbuilder-dialogs']],
];
for (const [label, modules] of GROUPS) {
  for (const name of modules) await load(name);
  mark(label);
}
const { startApp } = (await import(own('app'))) as typeof import('../src/app.js');
const { parseConfig } = (await import(
  own('config/config')
)) as typeof import('../src/config/config.js');
const { createLogger } = (await import(own('log/logger'))) as typeof import('../src/log/logger.js');
mark('src/app (everything main.ts imports)');
const dir = mkdtempSync(join(tmpdir(), 'esd-idle-'));
const config = parseConfig({
  PORT: '0',
  SQLITE_PATH: join(dir, 'esd.db'),
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
});
const app = await startApp(config, createLogger('warn'), { background: false });
await new Promise((r) => setTimeout(r, 500));
mark('started (empty SQLite, no background work), idle');
await app.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write('on first use, or never (after the above):\n');
for (const [label, modules] of ON_FIRST_USE) {
  for (const name of modules) await load(name);
  mark(label);
}
