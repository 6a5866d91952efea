/**
 * One build of esd-bot under the profiler, by function: bench:turn's typed-date turn ("15 January"
 * with the change card open) at 10 connections, `node --cpu-prof` on the built bot, the samples of
 * a timed run after a warm-up. Prints self time per turn of the top functions, of esd-bot's own
 * (src/) and of Node's runtime with the caller outside the runtime that led to it, plus what a
 * turn sends to the connector. For finding per-turn work; bench:turn keeps the package table.
 *
 *   npx tsx bench/turn-profile.ts [build dir (.) | echo] [sqlite|postgres]
 *   # BENCH_SECONDS (8), BENCH_CONNECTIONS (10), TOP (30)
 *
 * Prints only; bench/RESULTS.md is left alone. The profile stays in bench/.data/profiles/ab-*.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
import { monotonicUs, summarize } from './lib/profile.js';
import { benchFm } from './lib/teams.js';
import {
  openChangeCards,
  startEchoBot,
  startSeededEsdBot,
  typedDateLoad,
} from './lib/typed-date-turn.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TOP = Number(process.env.TOP ?? 30);
const FMS = 200;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time of Node-runtime frames, keyed by the nearest caller outside the runtime. */
function runtimeByCaller(file: string, fromUs: number, toUs: number, turns: number) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    startTime: number;
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isRuntime = (n: Node) =>
    n.callFrame.url.startsWith('node:') ||
    n.callFrame.url === '' ||
    n.callFrame.url.startsWith('internal');
  const label = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url
      .replace(/^.*\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(dist\/)?src\//, 'src/')}:${n.callFrame.lineNumber + 1}`;
  const totals = new Map<string, number>();
  const ours = new Map<string, number>();
  const all = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const node = byId.get(profile.samples[i] as number) as Node;
    const name = node.callFrame.functionName;
    if (name === '(idle)') continue;
    all.set(label(node), (all.get(label(node)) ?? 0) + (profile.timeDeltas[i] ?? 0));
    if (name === '(garbage collector)' || name === '(program)') continue;
    if (
      /\/(dist\/)?src\//.test(node.callFrame.url) &&
      !node.callFrame.url.includes('node_modules')
    ) {
      const key = label(node);
      ours.set(key, (ours.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
    if (!isRuntime(node)) continue;
    let up = parent.get(node.id);
    let caller = '(event loop)';
    while (up !== undefined) {
      const frame = byId.get(up) as Node;
      if (!isRuntime(frame) && frame.callFrame.functionName !== '(root)') {
        caller = label(frame);
        break;
      }
      up = parent.get(up);
    }
    const key = `${label(node)}  <=  ${caller}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, us]) => `${(us / 1000 / turns).toFixed(3)}  ${k}`);
  return { runtime: top(totals), ours: top(ours), all: top(all) };
}

async function main() {
  const echo = process.argv[2] === 'echo';
  const dir = resolve(echo ? '.' : (process.argv[2] ?? '.'));
  const engine = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite';
  pinSelf();
  mkdirSync(DATA_DIR, { recursive: true });
  const sink = await spawnTs('bench/lib/sink-connector.ts', [], {
    cores: LOAD_CORES,
    ready: readyLine,
  });
  const fms = Array.from({ length: FMS }, (_, n) => benchFm(n));
  const profDir = join(DATA_DIR, 'profiles', `ab-${echo ? 'echo' : engine}`);
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const profile = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
  let db: BenchDatabase | undefined;
  let child: Child | undefined;
  try {
    if (echo) child = await startEchoBot(profile);
    else {
      const fields = { dir, engine, label: 'turn-profile', fms, nodeArgs: profile } as const;
      ({ child, db } = await startSeededEsdBot(fields));
    }
    await openChangeCards(child.ready, fms, sink.ready);
    const load = typedDateLoad(child.ready, fms, sink.ready, CONNECTIONS);
    await load(4);
    const sinkStats = async () =>
      (await (await fetch(`${sink.ready}stats`)).json()) as Record<string, unknown>;
    const sentBefore = await sinkStats();
    const cpuBefore = procStats(child.pid).cpuMs;
    const fromUs = monotonicUs();
    const result = await load(SECONDS);
    const toUs = monotonicUs();
    const cpu = procStats(child.pid).cpuMs - cpuBefore;
    const sentAfter = await sinkStats();
    await stop(child);
    const turns = result['2xx'];
    const file = readdirSync(profDir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    if (!file) throw new Error('no CPU profile written');
    const summary = summarize(join(profDir, file), { fromUs, toUs });
    const byCaller = runtimeByCaller(join(profDir, file), fromUs, toUs, turns);
    const per = (ms: number) => (ms / turns).toFixed(3);
    const out: string[] = [
      `${echo ? 'echo' : dir} ${engine}, ${CONNECTIONS} connections, ${turns} turns, ${result.non2xx} non-2xx; ` +
        `CPU (profiled) ${(cpu / turns).toFixed(3)} ms a turn; profile ${per(summary.totalMs)} ms a turn`,
      `connector per turn: ${Object.entries(sentAfter)
        .filter(([k]) => k !== 'lastCard')
        .map(([k, v]) => `${k} ${((Number(v) - Number(sentBefore[k])) / turns).toFixed(2)}`)
        .join(', ')}`,
      '',
      'by origin, ms a turn:',
      ...Object.entries(summary.byGroup).map(([g, ms]) => `  ${per(ms)}  ${g}`),
      '',
      'top self, ms a turn:',
      ...byCaller.all.map((l) => `  ${l}`),
      '',
      'esd-bot (src/) inclusive, ms a turn:',
      ...summary.topOursInclusive.slice(0, TOP).map((f) => `  ${per(f.ms)}  ${f.name}`),
      '',
      'esd-bot (src/) self, ms a turn:',
      ...byCaller.ours.map((l) => `  ${l}`),
      '',
      "Node runtime's self time by the caller outside it, ms a turn:",
      ...byCaller.runtime.map((l) => `  ${l}`),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    if (child) await stop(child);
    await db?.drop();
    await stop(sink);
  }
}

await main();
