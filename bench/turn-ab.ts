/**
 * Two builds of esd-bot side by side, with the echo bot as the floor: bench:turn's typed-date
 * turn ("15 January" with the change card open), each bot on its own database of one engine,
 * rounds alternating the order (echo, before, after; then after, before, echo; …), and per round
 * the ratios (turns/s, CPU a turn, p99) of runs taken next to each other; medians over the
 * rounds. For a change to the turn on a machine too noisy for two separate bench:turn runs to
 * compare. Each dir's esd-bot starts with the flags of its own package.json's start script.
 *
 *   npx tsx bench/turn-ab.ts <before dir> <after dir> [sqlite|postgres]
 *   # each dir a checkout with `npm run build` done (dist/src/main.js); BENCH_ROUNDS (8),
 *   # BENCH_SECONDS (3), BENCH_CONNECTIONS (10)
 *   # Node 24: scripts/node24.sh run sh -c 'npm run build && npx tsx bench/turn-ab.ts …' (dirs whose
 *   # node_modules are the Node 24 tree's)
 *
 * Prints only; bench/RESULTS.md is left alone.
 */
import { mkdirSync } from 'node:fs';
import type autocannon from 'autocannon';
import { type BenchDatabase, DATA_DIR } from './lib/databases.js';
import {
  type Child,
  LOAD_CORES,
  pinSelf,
  procStats,
  readyLine,
  spawnTs,
  stop,
} from './lib/proc.js';
import { median } from './lib/stats.js';
import { benchFm } from './lib/teams.js';
import {
  openChangeCards,
  startEchoBot,
  startSeededEsdBot,
  typedDateLoad,
} from './lib/typed-date-turn.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FMS = 200;

type Name = 'echo' | 'before' | 'after';
interface Bot {
  name: Name;
  child: Child;
  db?: BenchDatabase;
  /** The typed-date load against this bot, for `seconds`. */
  turns: (seconds: number) => Promise<autocannon.Result>;
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
    const echo = await startEchoBot();
    bots.push({
      name: 'echo',
      child: echo,
      turns: typedDateLoad(echo.ready, fms, sink.ready, CONNECTIONS),
    });
    for (const [name, dir] of [
      ['before', beforeDir],
      ['after', afterDir],
    ] as const) {
      const { child, db } = await startSeededEsdBot({ dir, engine, label: `turn-ab-${name}`, fms });
      bots.push({
        name,
        child,
        db,
        turns: typedDateLoad(child.ready, fms, sink.ready, CONNECTIONS),
      });
      await openChangeCards(child.ready, fms, sink.ready);
    }
    const load = async (bot: Bot, seconds: number) => {
      const result = await bot.turns(seconds);
      if (result.non2xx || result.errors)
        throw new Error(`${bot.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      return result;
    };
    for (const bot of bots) await load(bot, 2);
    const runs: Record<Name, { rps: number; cpuMs: number; p99: number }[]> = {
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
          p99: result.latency.p99,
        };
      }
    }
    const per = (f: (round: number) => number) =>
      median(Array.from({ length: ROUNDS }, (_, round) => f(round))).toFixed(2);
    const of = (name: Name, round: number) =>
      runs[name][round] as { rps: number; cpuMs: number; p99: number };
    process.stdout.write(
      `${engine}, ${CONNECTIONS} connections, medians of ${ROUNDS} rounds of ${SECONDS} s:\n` +
        `  turns/s ÷ echo: before ${per((r) => of('before', r).rps / of('echo', r).rps)}, ` +
        `after ${per((r) => of('after', r).rps / of('echo', r).rps)}\n` +
        `  CPU ms a turn ÷ echo: before ${per((r) => of('before', r).cpuMs / of('echo', r).cpuMs)}, ` +
        `after ${per((r) => of('after', r).cpuMs / of('echo', r).cpuMs)}\n` +
        `  p99 ÷ echo: before ${per((r) => of('before', r).p99 / of('echo', r).p99)}, ` +
        `after ${per((r) => of('after', r).p99 / of('echo', r).p99)}\n` +
        `  after ÷ before: turns/s ${per((r) => of('after', r).rps / of('before', r).rps)}, ` +
        `CPU ms a turn ${per((r) => of('after', r).cpuMs / of('before', r).cpuMs)}, ` +
        `p99 ${per((r) => of('after', r).p99 / of('before', r).p99)}\n` +
        `  each round (turns/s, p99 ms): ${Array.from({ length: ROUNDS }, (_, r) =>
          (['echo', 'before', 'after'] as const)
            .map((n) => `${n} ${of(n, r).rps.toFixed(0)} ${of(n, r).p99.toFixed(2)}`)
            .join(' / '),
        ).join('; ')}\n`,
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
