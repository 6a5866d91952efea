/**
 * Issue 20, the chat turn: every SQL statement bench:turn's typed-date turn sends ("15 January"
 * with the change card open), as the database driver sees it. esd-bot runs in this process (the
 * source, through tsx) on a new seeded database; the drivers' query entry points are wrapped
 * here, not in src/: pg's Client.query (each call one round trip on PostgreSQL) and
 * better-sqlite3's statements (run, all, get, iterate, and exec for raw text).
 *
 *   npx tsx bench/turn-statements.ts sqlite|postgres   # BENCH_TURNS (3): typed-date turns shown
 *
 * Prints the statements of the last priming turn and of each typed-date turn; nothing is kept.
 */
import { createRequire } from 'node:module';
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { Store } from '../src/store/store.js';
import { createBenchDatabase, postgresAvailable } from './lib/databases.js';
import { LOAD_CORES, readyLine, spawnTs, stop } from './lib/proc.js';
import { seedBenchFms, teamsMessage } from './lib/teams.js';

const TURNS = Number(process.env.BENCH_TURNS ?? 3);
const require = createRequire(import.meta.url);

let log: string[] | null = null;
const note = (kind: string, text: string) => {
  log?.push(`${kind.padEnd(8)} ${text.replace(/\s+/g, ' ').trim()}`);
};

function wrapPg(): void {
  const driver = require('pg') as typeof pg;
  const query = driver.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads, passed through as they are
  driver.Client.prototype.query = function (this: pg.Client, config: any, ...rest: any[]): any {
    const text = typeof config === 'string' ? config : config?.text;
    const name = typeof config === 'object' && config?.name ? `[${config.name}] ` : '';
    if (typeof text === 'string') note('pg', name + text);
    return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof query;
}

function wrapSqlite(): void {
  const Driver = require('better-sqlite3') as typeof SqliteDatabase;
  const probe = new Driver(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  for (const method of ['run', 'all', 'get', 'iterate']) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    statement[method] = function (this: SqliteDatabase.Statement, ...args: unknown[]) {
      note(`sqlite.${method}`, this.source);
      return original.apply(this, args);
    };
  }
  const database = Driver.prototype as unknown as Record<string, unknown>;
  for (const method of ['exec', 'pragma']) {
    const original = database[method] as (...args: unknown[]) => unknown;
    database[method] = function (this: unknown, ...args: unknown[]) {
      note(`sqlite.${method}`, String(args[0]));
      return original.apply(this, args);
    };
  }
  probe.close();
}

async function main() {
  const engine = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  if (engine === 'postgres' && !(await postgresAvailable()))
    throw new Error('turn-statements: PostgreSQL not reachable (BENCH_DATABASE_URL)');
  if (engine === 'postgres') wrapPg();
  else wrapSqlite();
  const sink = await spawnTs('bench/lib/sink-connector.ts', [], {
    cores: LOAD_CORES,
    ready: readyLine,
  });
  const db = await createBenchDatabase(engine, 'turn-statements');
  try {
    const seeding = await Store.open(db.target);
    const [fm] = await seedBenchFms(seeding, 1);
    await seeding.close();
    if (!fm) throw new Error('no bench FM');
    const env: Record<string, string> = {
      PORT: '0',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      MicrosoftAppId: '',
      ...(db.target.kind === 'sqlite'
        ? { SQLITE_PATH: db.target.path }
        : { DATABASE_URL: db.target.url }),
    };
    const app = await startApp(parseConfig(env), createLogger('silent'), { background: false });
    try {
      const say = async (text: string) => {
        const response = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(teamsMessage(fm, text, sink.ready)),
        });
        if (response.status !== 200) throw new Error(`"${text}": HTTP ${response.status}`);
      };
      const show = async (label: string, text: string) => {
        log = [];
        await say(text);
        const seen = log;
        log = null;
        console.log(`\n${label}: ${seen.length} statements`);
        for (const line of seen) console.log(`  ${line}`);
      };
      await show('priming ("change date contoso")', 'change date contoso');
      for (let turn = 1; turn <= TURNS; turn++) await show(`typed date ${turn}`, '15 January');
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
    await stop(sink);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
