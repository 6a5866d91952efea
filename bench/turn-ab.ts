/**
 * Two builds of esd-bot side by side, with the echo bot as the floor: bench:turn's typed-date
 * turn ("15 January" with the change card open), each bot on its own database of one engine,
 * rounds alternating the order (echo, before, after; then after, before, echo; …), and per round
 * the ratios of runs taken next to each other; medians over the rounds. For a change to the turn
 * on a machine too noisy for two separate bench:turn runs to compare.
 *
 *   npx tsx bench/turn-ab.ts <before dir> <after dir> [sqlite|postgres]
 *   # each dir a checkout with `npm run build` done (dist/src/main.js); BENCH_ROUNDS (8),
 *   # BENCH_SECONDS (3), BENCH_CONNECTIONS (10)
 *
 * Prints only; bench/RESULTS.md is left alone.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Store } from '../src/store/store.js';
import { type BenchDatabase, createBenchDatabase, DATA_DIR } from './lib/databases.js';
import { buildEchoBot } from './lib/echo-build.js';
import {
  BOT_CORES,
  type Child,
  esdBotListening,
  LOAD_CORES,
  pinSelf,
  procStats,
  readyLine,
  spawnCommand,
  spawnTs,
  stop,
} from './lib/proc.js';
import { median } from './lib/stats.js';
import { benchFm, seedBenchFms, teamsMessage } from './lib/teams.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FMS = 200;

type Name = 'echo' | 'before' | 'after';
interface Bot {
  name: Name;
  child: Child;
  db?: BenchDatabase;
}

async function main() {
  const [beforeDir, afterDir, engineArg] = process.argv.slice(2);
  if (!beforeDir || !afterDir)
    throw new Error('usage: tsx bench/turn-ab.ts <before dir> <after dir> [sqlite|postgres]');
  const engine = engineArg === 'postgres' ? 'postgres' : 'sqlite';
  pinSelf();
  mkdirSync(DATA_DIR, { recursive: true });
  const sink = await spawnTs('bench/lib/sink-connector.ts', [], {
    cores: LOAD_CORES,
    ready: readyLine,
  });
  const fms = Array.from({ length: FMS }, (_, n) => benchFm(n));
  const bots: Bot[] = [];
  try {
    const echo = await spawnCommand(process.execPath, [buildEchoBot()], {
      env: { PORT: '0', MicrosoftAppId: '', MicrosoftAppPassword: '' },
      cores: BOT_CORES,
      ready: readyLine,
    });
    bots.push({ name: 'echo', child: echo });
    for (const [name, dir] of [
      ['before', beforeDir],
      ['after', afterDir],
    ] as const) {
      const db = await createBenchDatabase(engine, `turn-ab-${name}`);
      const store = await Store.open(db.target);
      await seedBenchFms(store, FMS);
      await store.close();
      const target: Record<string, string> =
        db.target.kind === 'sqlite'
          ? { SQLITE_PATH: db.target.path }
          : { DATABASE_URL: db.target.url };
      const child = await spawnCommand(process.execPath, ['dist/src/main.js'], {
        cwd: resolve(dir),
        env: { PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'info', MicrosoftAppId: '', ...target },
        cores: BOT_CORES,
        ready: esdBotListening,
      });
      bots.push({ name, child, db });
      // Every FM opens the change card, as bench:turn primes it.
      for (const fm of fms) {
        const response = await fetch(`${child.ready}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(teamsMessage(fm, 'change date contoso', sink.ready)),
        });
        if (response.status !== 200) throw new Error(`priming ${name}: HTTP ${response.status}`);
      }
    }
    const bodies = fms.map((fm) => JSON.stringify(teamsMessage(fm, '15 January', sink.ready)));
    const load = async (bot: Bot, seconds: number) => {
      let next = 0;
      const result = await autocannon({
        url: `${bot.child.ready}/api/messages`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ],
      });
      if (result.non2xx || result.errors)
        throw new Error(`${bot.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      return result;
    };
    for (const bot of bots) await load(bot, 2);
    const runs: Record<Name, { rps: number; cpuMs: number }[]> = {
      echo: [],
      before: [],
      after: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const bot of round % 2 === 0 ? bots : [...bots].reverse()) {
        const cpuBefore = procStats(bot.child.pid).cpuMs;
        const result = await load(bot, SECONDS);
        const turns = result['2xx'];
        runs[bot.name][round] = {
          rps: turns / result.duration,
          cpuMs: (procStats(bot.child.pid).cpuMs - cpuBefore) / Math.max(1, turns),
        };
      }
    }
    const per = (f: (round: number) => number) =>
      median(Array.from({ length: ROUNDS }, (_, round) => f(round))).toFixed(2);
    const of = (name: Name, round: number) => runs[name][round] as { rps: number; cpuMs: number };
    process.stdout.write(
      `${engine}, ${CONNECTIONS} connections, medians of ${ROUNDS} rounds of ${SECONDS} s:\n` +
        `  turns/s ÷ echo: before ${per((r) => of('before', r).rps / of('echo', r).rps)}, ` +
        `after ${per((r) => of('after', r).rps / of('echo', r).rps)}\n` +
        `  CPU ms a turn ÷ echo: before ${per((r) => of('before', r).cpuMs / of('echo', r).cpuMs)}, ` +
        `after ${per((r) => of('after', r).cpuMs / of('echo', r).cpuMs)}\n` +
        `  after ÷ before: turns/s ${per((r) => of('after', r).rps / of('before', r).rps)}, ` +
        `CPU ms a turn ${per((r) => of('after', r).cpuMs / of('before', r).cpuMs)}\n`,
    );
  } finally {
    for (const bot of bots) {
      await stop(bot.child);
      await bot.db?.drop();
    }
    await stop(sink);
  }
}

await main();
