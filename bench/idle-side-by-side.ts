/**
 * Idle memory side by side (issue 20): the echo bot and esd-bot (`dist/src/main.js`, as
 * `npm start` runs it), started as bench/turn.ts starts them, RSS read 5 s after esd-bot is
 * ready, before any turn; then the time of esd-bot's first two turns (a change card, a typed
 * date) and RSS again after "change date contoso" from 100 FMs. A few minutes, no RESULTS.md.
 *
 *   npm run build && node --import tsx bench/idle-side-by-side.ts
 *   BENCH_NODE=build/node24/package/bin/node BENCH_ENGINE=postgres …   # Node 24 without its own
 *     better-sqlite3 build (scripts/node24.sh install); BENCH_ROUNDS (3); BENCH_ESD_DIR: another
 *     checkout's built tree, to compare two versions with one harness
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { Store } from '../src/store/store.js';
import { createBenchDatabase } from './lib/databases.js';
import { esdBotNodeArgs } from './lib/esd-start.js';
import {
  BOT_CORES,
  esdBotListening,
  LOAD_CORES,
  pinSelf,
  procStats,
  ROOT,
  readyLine,
  spawnCommand,
  spawnTs,
  stop,
} from './lib/proc.js';
import { median, sleep } from './lib/stats.js';
import { benchFm, seedBenchFms, teamsMessage } from './lib/teams.js';

const NODE = process.env.BENCH_NODE ? resolve(process.env.BENCH_NODE) : process.execPath;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ESD_DIR = resolve(process.env.BENCH_ESD_DIR ?? ROOT);
const FMS = 100;

const { outputText } = ts.transpileModule(
  readFileSync(join(ROOT, 'bench', 'echo-bot.ts'), 'utf8'),
  {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  },
);
mkdirSync(join(ROOT, 'dist', 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'dist', 'bench', 'echo-bot.js'), outputText);
pinSelf();
const sink = await spawnTs('bench/lib/sink-connector.ts', [], {
  cores: LOAD_CORES,
  ready: readyLine,
});
const fms = Array.from({ length: FMS }, (_, n) => benchFm(n));
const db = await createBenchDatabase(
  process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite',
  'idle',
);
const store = await Store.open(db.target);
await seedBenchFms(store, FMS);
await store.close();
const dbEnv: Record<string, string> =
  db.target.kind === 'sqlite' ? { SQLITE_PATH: db.target.path } : { DATABASE_URL: db.target.url };

const rows = new Map<string, number[]>();
const add = (key: string, value: number) => rows.set(key, [...(rows.get(key) ?? []), value]);
for (let round = 0; round < ROUNDS; round++) {
  const echo = await spawnCommand(NODE, ['dist/bench/echo-bot.js'], {
    env: { PORT: '0', MicrosoftAppId: '', MicrosoftAppPassword: '' },
    cores: BOT_CORES,
    ready: readyLine,
  });
  const esd = await spawnCommand(NODE, esdBotNodeArgs(ESD_DIR), {
    cwd: ESD_DIR,
    env: { PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'info', MicrosoftAppId: '', ...dbEnv },
    cores: BOT_CORES,
    ready: esdBotListening,
  });
  await sleep(5000);
  const echoIdle = procStats(echo.pid).rssMiB;
  const esdIdle = procStats(esd.pid).rssMiB;
  add('echo idle RSS MiB', echoIdle);
  add('esd-bot idle RSS MiB', esdIdle);
  add('idle ratio esd-bot ÷ echo', esdIdle / echoIdle);
  const turn = async (n: number, text: string) => {
    const started = performance.now();
    const response = await fetch(`${esd.ready}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(fms[n] ?? benchFm(n), text, sink.ready)),
    });
    if (response.status !== 200) throw new Error(`esd-bot: HTTP ${response.status}`);
    return performance.now() - started;
  };
  add('first turn ms (change date contoso)', await turn(0, 'change date contoso'));
  add('second turn ms (15 January)', await turn(0, '15 January'));
  for (let n = 1; n < FMS; n++) await turn(n, 'change date contoso');
  await sleep(3000);
  add(`esd-bot RSS MiB after ${FMS} change cards`, procStats(esd.pid).rssMiB);
  await stop(echo);
  await stop(esd);
}
process.stdout.write(
  `node ${NODE}, ${db.engine}, esd-bot from ${ESD_DIR}, ${ROUNDS} rounds: median (each round)\n`,
);
for (const [key, values] of rows)
  process.stdout.write(
    `${key.padEnd(40)} ${median(values).toFixed(2)} (${values.map((v) => v.toFixed(1)).join(', ')})\n`,
  );
await stop(sink);
await db.drop();
