/**
 * 5. Start-up and footprint: the time from launching the server to /readyz answering 200, on an
 * empty database and on one with 100k workloads (SQLite and PostgreSQL), for `node
 * dist/src/main.js` (what `npm start` runs once built) and for `npm start` itself (which first
 * builds what changed first: prestart); RSS once idle. RSS under load comes from the turn benchmark.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { calendarDateIn } from '../src/domain/index.js';
import { Store } from '../src/store/store.js';
import { type BenchDatabase, createBenchDatabase, postgresAvailable } from './lib/databases.js';
import { esdBotNodeArgs } from './lib/esd-start.js';
import { BOT_CORES, procStats, ROOT } from './lib/proc.js';
import { loadSection, QUICK, saveSection, type Target } from './lib/report.js';
import { addWorkloads } from './lib/seed.js';
import { fmt, median, sleep, spread, table } from './lib/stats.js';

/** node with the start script's flags, without npm: what the image runs. */
const BARE = `node ${esdBotNodeArgs().join(' ')}`;
const RUNS = QUICK ? 1 : Number(process.env.BENCH_ROUNDS ?? 5);
const NPM_RUNS = QUICK ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_STARTUP_NPM_ONLY=1: only the `npm start` row and its floor (a short run on a busy machine). */
const NPM_ONLY = process.env.BENCH_STARTUP_NPM_ONLY === '1';
const started = performance.now();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Start {
  ms: number;
  idleRssMiB: number;
}

/** Launches, polls /readyz every 5 ms until 200, reads RSS after 2 s idle, stops the process group. */
async function startOnce(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<Start> {
  const port = await freePort();
  const launch = BOT_CORES ? ['taskset', ['-c', BOT_CORES, command, ...args]] : [command, args];
  const t0 = performance.now();
  const child: ChildProcess = spawn(launch[0] as string, launch[1] as string[], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', MicrosoftAppId: '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) throw new Error(`${command} exited before /readyz:\n${stderr}`);
      if (performance.now() - t0 > 180_000)
        throw new Error(`${command}: /readyz not ready in 180 s`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      await sleep(5);
    }
    const ms = performance.now() - t0;
    await sleep(2000);
    // `npm start` runs node under npm and sh: the server is the newest node in the group.
    const pid = serverPid(child.pid as number);
    return { ms, idleRssMiB: procStats(pid).rssMiB };
  } finally {
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      // already gone
    }
    for (let i = 0; i < 200 && !exited; i++) await sleep(50);
    if (!exited) process.kill(-(child.pid as number), 'SIGKILL');
  }
}

function serverPid(root: number): number {
  let best = root;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pgid = Number(fields[2]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (pgid === root && cmd.includes('dist/src/main.js')) best = Number(entry);
    } catch {
      // gone
    }
  }
  return best;
}

interface Scenario {
  name: string;
  engine: 'sqlite' | 'postgres';
  env: Record<string, string>;
  workloads: number;
  db: BenchDatabase;
}

async function scenario(
  name: string,
  engine: 'sqlite' | 'postgres',
  workloads: number,
  demo: boolean,
): Promise<Scenario> {
  const db = await createBenchDatabase(engine, 'startup');
  if (workloads > 0) {
    const store = await Store.open(db.target);
    await addWorkloads(store, 0, workloads, calendarDateIn(new Date(), 'UTC'));
    await store.close();
  }
  const env: Record<string, string> =
    db.target.kind === 'sqlite'
      ? { SQLITE_PATH: db.target.path, DATABASE_URL: '' }
      : { DATABASE_URL: db.target.url };
  env.DEMO_DATA = demo ? 'true' : 'false';
  return { name, engine, env, workloads, db };
}

async function main() {
  const build = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  await new Promise((resolve) => build.once('exit', resolve));
  const withPg = await postgresAvailable();
  const scenarios: Scenario[] = [
    await scenario('SQLite, empty (DEMO_DATA=false)', 'sqlite', 0, false),
  ];
  if (!NPM_ONLY) scenarios.push(await scenario('SQLite, 100k workloads', 'sqlite', 100_000, false));
  if (withPg && !NPM_ONLY) {
    scenarios.push(await scenario('PostgreSQL, empty (DEMO_DATA=false)', 'postgres', 0, false));
    scenarios.push(await scenario('PostgreSQL, 100k workloads', 'postgres', 100_000, false));
  }
  const results: { name: string; launcher: string; starts: Start[] }[] = [];
  let npmRatios: number[] = [];
  try {
    for (const s of NPM_ONLY ? [] : scenarios) {
      const starts: Start[] = [];
      await startOnce(process.execPath, esdBotNodeArgs(), s.env); // warm the file cache
      for (let i = 0; i < RUNS; i++)
        starts.push(await startOnce(process.execPath, esdBotNodeArgs(), s.env));
      results.push({ name: s.name, launcher: BARE, starts });
      process.stderr.write(
        `startup: ${s.name}: ${median(starts.map((x) => x.ms)).toFixed(0)} ms to /readyz\n`,
      );
    }
    // A first start: an empty database, the demo data loaded (each date through the write path).
    const first: Start[] = [];
    for (let i = 0; i < (NPM_ONLY ? 0 : RUNS); i++) {
      const s = await scenario('SQLite, first start (empty, demo data loaded)', 'sqlite', 0, true);
      first.push(await startOnce(process.execPath, esdBotNodeArgs(), s.env));
      await s.db.drop();
    }
    if (!NPM_ONLY)
      results.push({
        name: 'SQLite, first start (empty, demo data loaded)',
        launcher: BARE,
        starts: first,
      });
    // `npm start` on an unchanged tree (built just above) beside a bare node start, round by
    // round: prestart finds nothing to build, so the difference is npm and that check.
    const npmStarts: Start[] = [];
    const bareStarts: Start[] = [];
    const empty = scenarios[0] as Scenario;
    for (let i = 0; i < NPM_RUNS; i++) {
      const order = i % 2 === 0 ? ['npm', 'node'] : ['node', 'npm'];
      for (const which of order) {
        if (which === 'npm') npmStarts.push(await startOnce('npm', ['start'], empty.env));
        else bareStarts.push(await startOnce(process.execPath, esdBotNodeArgs(), empty.env));
      }
    }
    npmRatios = npmStarts.map((s, i) => s.ms / (bareStarts[i] as Start).ms);
    results.push({
      name: empty.name,
      launcher: `${BARE} (beside npm start)`,
      starts: bareStarts,
    });
    results.push({
      name: empty.name,
      launcher: 'npm start, unchanged tree (prestart finds the build up to date, then node)',
      starts: npmStarts,
    });
    process.stderr.write(
      `startup: npm start: ${median(npmStarts.map((x) => x.ms)).toFixed(0)} ms to /readyz, ${median(npmRatios).toFixed(2)} x node\n`,
    );
  } finally {
    for (const s of scenarios) await s.db.drop();
  }

  const turn = loadSection('turn');
  const turnData = turn?.data as
    | { idle?: Record<string, number>; peak?: Record<string, number> }
    | undefined;
  const rows = results.map((r) => [
    r.launcher,
    r.name,
    spread(r.starts.map((s) => s.ms)),
    fmt(median(r.starts.map((s) => s.idleRssMiB))),
  ]);
  const npmRatio = median(npmRatios);
  const targets: Target[] = [
    {
      what: '`npm start` on an unchanged tree ÷ `node dist/src/main.js`, ms to /readyz',
      target: '≤ 1.5',
      measured: `${npmRatio.toFixed(2)} (${Math.min(...npmRatios).toFixed(2)}–${Math.max(...npmRatios).toFixed(2)})`,
      met: npmRatio <= 1.5,
      note:
        npmRatio <= 1.5
          ? 'prestart (scripts/build-if-changed.mjs) finds no source newer than the build: no TypeScript loaded, nothing compiled'
          : 'npm itself and the up-to-date check outweigh a bare start on this machine',
    },
  ];
  const md = [
    `Time from launching the process to the first 200 from /readyz (polled every 5 ms), ${RUNS} starts each after one to warm the ` +
      `file cache (\`npm start\`: ${NPM_RUNS}), median (range); the server pinned to one core like the turn benchmark. ` +
      `Idle RSS 2 s after ready. Start-up runs the migrations (nothing to do on an existing schema) and, on a first start, ` +
      `loads the demo data; it reads no workloads, so their number hardly matters.`,
    '',
    table(['launcher', 'database', 'ms to /readyz', 'idle RSS MiB'], rows),
    '',
    turnData?.peak
      ? `Under load (turn benchmark, largest RSS after a run): ${Object.entries(turnData.peak)
          .map(
            ([bot, mib]) =>
              `${bot} ${fmt(mib)} MiB (idle ${fmt(turnData.idle?.[bot] ?? Number.NaN)} MiB)`,
          )
          .join('; ')}.`
      : 'RSS under load: run `npm run bench:turn`.',
  ];
  await saveSection({
    name: 'startup',
    title: '5. Start-up and footprint',
    command: 'npm run bench:startup',
    markdown: md.join('\n'),
    targets,
    data: { results },
    seconds: (performance.now() - started) / 1000,
  });
}

await main();
