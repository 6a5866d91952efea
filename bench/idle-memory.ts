/**
 * Where esd-bot's idle memory goes (issue 20): imports the module groups one after the other,
 * as the server loads them, and prints what each adds to the heap and to RSS (after a full GC),
 * then starts the app on an empty SQLite file and measures it idle.
 *
 *   node --expose-gc --import tsx bench/idle-memory.ts     # src through tsx
 *   npm run build && BENCH_FROM_DIST=1 node --expose-gc --import tsx bench/idle-memory.ts
 *
 * BENCH_FROM_DIST=1 imports dist/src (what `npm start` runs) instead of src through tsx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
const load = (name: string) => import(name);

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
await load('restify');
mark('restify');
await load('botbuilder');
mark('botbuilder (CloudAdapter, connector, @azure)');
await load('botbuilder-dialogs');
mark('botbuilder-dialogs (and the recognizers it imports)');
await load('@microsoft/recognizers-text-date-time');
mark('@microsoft/recognizers-text-date-time');
await load('kysely');
await load('pg');
await load('better-sqlite3');
mark('kysely, pg, better-sqlite3');
await load('adaptivecards-templating');
mark('adaptivecards-templating');
await load('pino');
await load('prom-client');
await load('zod');
mark('pino, prom-client, zod');
await import(own('i18n/translate'));
mark('src/i18n (six languages of strings)');
await import(own('store/index'));
mark('src/store');
await import(own('bot/adapter'));
mark('src/bot');
await import(own('http/server'));
mark('src/http (planner, reports, gateway, events)');
await import(own('notify/start-delivery'));
mark('src/notify');
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
