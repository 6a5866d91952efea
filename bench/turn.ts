/**
 * 1. A chat turn against the floor. The echo bot (bench/echo-bot.ts, Microsoft's sample) and
 * esd-bot (dist/src/main.js, as npm start runs it) on the same core, the same sink connector, the same
 * load generator (autocannon), 1, 10 and 50 connections over many conversations, alternating
 * rounds (echo, esd-bot, esd-bot, echo, …) and medians. Then one profiled run of each.
 *
 * esd-bot's turn: an FM who opened the change card ("change date contoso") types a date
 * ("15 January"): dialog state read and written (bot_state), the tenant and its workloads
 * queried, the card rendered and sent to the connector.
 */

import { spawnSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Store } from '../src/store/store.js';
import { createBenchDatabase, DATA_DIR, postgresAvailable } from './lib/databases.js';
import { buildEchoBot, ECHO_JS } from './lib/echo-build.js';
import { esdBotNodeArgs } from './lib/esd-start.js';
import {
  BOT_CORES,
  type Child,
  esdBotListening,
  LOAD_CORES,
  PINNING,
  pinSelf,
  procStats,
  ROOT,
  readyLine,
  spawnCommand,
  spawnTs,
  stop,
} from './lib/proc.js';
import { GROUPS, monotonicUs, type ProfileSummary, summarize } from './lib/profile.js';
import { QUICK, saveSection, type Target } from './lib/report.js';
import { fmt, median, quantile, ratio, sleep, spread, table } from './lib/stats.js';
import { type BenchFm, benchFm, seedBenchFms, teamsMessage } from './lib/teams.js';

const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
const ROUNDS = QUICK ? 1 : Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = QUICK ? 2 : Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = QUICK ? 1 : 4;
const FMS = QUICK ? 100 : 500;
const TYPED = '15 January';
const started = performance.now();

type BotName = 'echo' | 'esd-bot' | 'esd-bot-pg';

interface Run {
  bot: BotName;
  connections: number;
  round: number;
  turns: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerTurn: number;
  rssMiB: number;
  non2xx: number;
  errors: number;
  replies: number;
  /** Share of one core the bot used during the run, and the load side (autocannon + connector). */
  botCpuShare: number;
  loadCpuShare: number;
}

interface Bot {
  name: BotName;
  child: Child;
  url: string;
}

async function sinkStats(
  url: string,
): Promise<{ activities: number; cards: number; texts: number; lastCard: string }> {
  return (await fetch(`${url}stats`)).json() as Promise<{
    activities: number;
    cards: number;
    texts: number;
    lastCard: string;
  }>;
}

/** Waits until the connector has seen no send for 100 ms. */
async function settle(sink: string): Promise<void> {
  let last = -1;
  for (;;) {
    const { activities } = await sinkStats(sink);
    if (activities === last) return;
    last = activities;
    await sleep(100);
  }
}

/** Requests go round-robin over the conversations: concurrent turns never share one. */
async function load(
  url: string,
  connections: number,
  seconds: number,
  fms: readonly BenchFm[],
  serviceUrl: string,
): Promise<{ result: autocannon.Result; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  // Bodies are built once per conversation; each request only gets a fresh activity id, so the
  // load generator (on the other core) stays light.
  const bodies = fms.map((fm) => {
    const text = JSON.stringify(teamsMessage(fm, TYPED, serviceUrl));
    const id = (JSON.parse(text) as { id: string }).id;
    const [before, after] = text.split(id) as [string, string];
    return { before, after };
  });
  // Without a callback autocannon returns its tracker (an EventEmitter) made thenable.
  const instance = autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const n = next++;
          const body = bodies[n % bodies.length] as { before: string; after: string };
          return { ...request, body: `${body.before}bench-${n}${body.after}` };
        },
      },
    ],
  }) as unknown as EventEmitter & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  // autocannon stops at the deadline without waiting for the requests still in flight.
  await settle(serviceUrl);
  return { result, latencies };
}

let sinkPid = 0;

async function measure(
  bot: Bot,
  connections: number,
  round: number,
  sink: string,
  fms: readonly BenchFm[],
): Promise<Run> {
  const before = procStats(bot.child.pid);
  const sinkBefore = await sinkStats(sink);
  const loadBefore = process.cpuUsage();
  const connectorBefore = procStats(sinkPid).cpuMs;
  const wallBefore = performance.now();
  const { result, latencies } = await load(bot.url, connections, SECONDS, fms, sink);
  const wall = performance.now() - wallBefore;
  const loadCpu = process.cpuUsage(loadBefore);
  const connectorCpu = procStats(sinkPid).cpuMs - connectorBefore;
  const after = procStats(bot.child.pid);
  const sinkAfter = await sinkStats(sink);
  const turns = result['2xx'];
  return {
    bot: bot.name,
    connections,
    round,
    turns,
    seconds: result.duration,
    rps: turns / result.duration,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpuMsPerTurn: (after.cpuMs - before.cpuMs) / Math.max(1, turns),
    rssMiB: after.rssMiB,
    non2xx: result.non2xx,
    errors: result.errors,
    replies:
      bot.name === 'echo' ? sinkAfter.texts - sinkBefore.texts : sinkAfter.cards - sinkBefore.cards,
    botCpuShare: (after.cpuMs - before.cpuMs) / wall,
    loadCpuShare: ((loadCpu.user + loadCpu.system) / 1000 + connectorCpu) / wall,
  };
}

/**
 * Both bots run as built JavaScript on plain node: esd-bot's build as prestart makes it
 * (scripts/build-if-changed.mjs), the echo bot transpiled from bench/echo-bot.ts.
 */
function buildBots(): void {
  const built = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('turn: the build failed');
  buildEchoBot();
}

async function startEsdBot(
  name: BotName,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<Bot> {
  // As `npm start` runs it: the build, plain node with the start script's flags (no tsx: its
  // loader costs both bots memory, esd-bot's hundreds of modules far more than the echo's one file).
  const child = await spawnCommand(process.execPath, [...nodeFlags, ...esdBotNodeArgs()], {
    env: { PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env },
    cores: BOT_CORES,
    ready: esdBotListening,
  });
  return { name, child, url: child.ready };
}

async function startEcho(nodeFlags: string[] = []): Promise<Bot> {
  const child = await spawnCommand(process.execPath, [...nodeFlags, ECHO_JS], {
    env: { PORT: '0', MicrosoftAppId: '', MicrosoftAppPassword: '' },
    cores: BOT_CORES,
    ready: readyLine,
  });
  return { name: 'echo', child, url: child.ready };
}

/** "change date contoso" in every conversation: each FM now has the change card open. */
async function prime(bot: Bot, fms: readonly BenchFm[], sink: string): Promise<void> {
  const before = await sinkStats(sink);
  for (let i = 0; i < fms.length; i += 20) {
    await Promise.all(
      fms.slice(i, i + 20).map(async (fm) => {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(teamsMessage(fm, 'change date contoso', sink)),
        });
        if (response.status !== 200)
          throw new Error(`priming ${bot.name}: HTTP ${response.status}`);
      }),
    );
  }
  const after = await sinkStats(sink);
  if (after.cards - before.cards !== fms.length)
    throw new Error(
      `priming ${bot.name}: ${after.cards - before.cards} change cards for ${fms.length} FMs`,
    );
  // The typed date must bring the card back with the date filled in (the realistic turn).
  await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsMessage(fms[0] as BenchFm, TYPED, sink)),
  });
  const card = (await sinkStats(sink)).lastCard;
  if (!card.includes('15') || !card.includes('Contoso Bench'))
    throw new Error(`${bot.name}: the typed date did not come back on the change card`);
}

async function profileRun(
  kind: 'echo' | 'esd-bot',
  env: Record<string, string>,
  fms: readonly BenchFm[],
  sink: string,
): Promise<{ summary: ProfileSummary; turns: number; file: string }> {
  const dir = join(DATA_DIR, 'profiles', kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const flags = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  const bot = kind === 'echo' ? await startEcho(flags) : await startEsdBot('esd-bot', env, flags);
  // The profile starts with the process: warm up, then measure a run of the same length.
  await load(bot.url, 10, WARMUP_SECONDS, fms, sink);
  const fromUs = monotonicUs();
  const { result } = await load(bot.url, 10, SECONDS, fms, sink);
  const toUs = monotonicUs();
  await stop(bot.child);
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx's
  // loader hooks run in another).
  const file = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`${kind}: no CPU profile written`);
  return {
    summary: summarize(join(dir, file), { fromUs, toUs }),
    turns: result['2xx'],
    file: join(dir, file),
  };
}

async function main() {
  buildBots();
  pinSelf();
  const sink = await spawnTs('bench/lib/sink-connector.ts', [], {
    cores: LOAD_CORES,
    ready: readyLine,
  });
  const sinkUrl = sink.ready;
  sinkPid = sink.pid;
  const fms = Array.from({ length: FMS }, (_, n) => benchFm(n));

  const sqlite = await createBenchDatabase('sqlite', 'turn');
  const withPostgres = (await postgresAvailable()) && CONNECTIONS.includes(10);
  const pgDb = withPostgres ? await createBenchDatabase('postgres', 'turn') : null;
  for (const db of [sqlite, pgDb]) {
    if (!db) continue;
    const store = await Store.open(db.target);
    await seedBenchFms(store, FMS);
    await store.close();
  }
  const envOf = (db: typeof sqlite): Record<string, string> =>
    db.target.kind === 'sqlite' ? { SQLITE_PATH: db.target.path } : { DATABASE_URL: db.target.url };

  const echo = await startEcho();
  const esd = await startEsdBot('esd-bot', envOf(sqlite));
  const esdPg = pgDb ? await startEsdBot('esd-bot-pg', envOf(pgDb)) : null;
  const bots = [echo, esd, esdPg].filter((b): b is Bot => b !== null);
  const runs: Run[] = [];
  const idle: Record<string, number> = {};
  try {
    for (const bot of bots) {
      idle[bot.name] = procStats(bot.child.pid).rssMiB;
      if (bot.name !== 'echo') await prime(bot, fms, sinkUrl);
      await load(bot.url, 10, WARMUP_SECONDS, fms, sinkUrl);
    }
    for (const connections of CONNECTIONS) {
      for (let round = 1; round <= ROUNDS; round++) {
        // A B, B A, A B …: neither bot always goes first.
        const contenders = bots.filter((b) => b.name !== 'esd-bot-pg' || connections === 10);
        const order = round % 2 === 1 ? contenders : [...contenders].reverse();
        for (const bot of order) {
          const run = await measure(bot, connections, round, sinkUrl, fms);
          runs.push(run);
          process.stderr.write(
            `turn: ${bot.name} c=${connections} round ${round}: ${fmt(run.rps)} turns/s, p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, ${run.cpuMsPerTurn.toFixed(3)} CPU ms/turn, bot ${(run.botCpuShare * 100).toFixed(0)} % of a core, load side ${(run.loadCpuShare * 100).toFixed(0)} %, replies ${run.replies}, non-2xx ${run.non2xx}\n`,
          );
        }
      }
    }
  } finally {
    for (const bot of bots) await stop(bot.child);
  }
  const peak: Record<string, number> = {};
  for (const bot of bots)
    peak[bot.name] = Math.max(...runs.filter((r) => r.bot === bot.name).map((r) => r.rssMiB));

  process.stderr.write('turn: profiling one run of each bot (node --cpu-prof, 10 connections)\n');
  const echoProfile = await profileRun('echo', {}, fms, sinkUrl);
  const esdProfile = await profileRun('esd-bot', envOf(sqlite), fms, sinkUrl);
  await stop(sink);
  await sqlite.drop();
  await pgDb?.drop();

  const { markdown, targets } = report(runs, idle, peak, echoProfile, esdProfile);
  // Run under scripts/node24.sh, the same benchmark is its own section (issue 22: both Nodes).
  const onNode24 = process.versions.node.startsWith('24.');
  await saveSection({
    name: onNode24 ? 'turn-node24' : 'turn',
    title: `1${onNode24 ? 'b' : ''}. A chat turn against the floor, on Node.js ${process.version}`,
    command: onNode24 ? 'scripts/node24.sh run npm run bench:turn' : 'npm run bench:turn',
    markdown,
    targets,
    data: { runs, idle, peak, echoProfile, esdProfile },
    seconds: (performance.now() - started) / 1000,
  });
}

function report(
  runs: Run[],
  idle: Record<string, number>,
  peak: Record<string, number>,
  echoProfile: { summary: ProfileSummary; turns: number },
  esdProfile: { summary: ProfileSummary; turns: number },
): { markdown: string; targets: Target[] } {
  const md: string[] = [];
  md.push(
    `Echo bot: \`bench/echo-bot.ts\` (Microsoft's echo sample: ActivityHandler, CloudAdapter, restify, no state). ` +
      `esd-bot: \`node ${esdBotNodeArgs().join(' ')}\` as \`npm start\` runs it (both bots built to JavaScript, no tsx; the echo bot on node's defaults), SQLite (WAL, synchronous=FULL) on the same disk as ./data, LOG_LEVEL=info. ` +
      `The turn: ${FMS} FMs, each in their own personal chat with the change card open ("change date contoso"), type "${TYPED}"; ` +
      `esd-bot reads and writes the dialog state, queries the tenant and its workloads, and sends the change card back with the date filled in ` +
      `(checked: one card per turn reached the connector). Activities are Teams-shaped, no authentication (local mode). ` +
      `Load: autocannon ${'`'}connections${'`'} at 1, 10, 50, ${SECONDS} s per run, requests round-robin over the ${FMS} conversations, ` +
      `${ROUNDS} rounds alternating the order of the bots; the same sink connector on 127.0.0.1 answers every send. ` +
      (PINNING
        ? `Each bot runs pinned to core ${BOT_CORES} (taskset), the load generator and the connector on core ${LOAD_CORES}: "turns/s" is what one core does.`
        : 'No core pinning on this machine.') +
      ' Latency is the time autocannon waits for the HTTP answer, which Bot Framework sends after the turn (reply included) is done. ' +
      "CPU ms per turn is the bot process's user+system time (/proc) over the run divided by its turns.",
  );
  md.push('');
  const rows: string[][] = [];
  const ratioRows: string[][] = [];
  const targets: Target[] = [];
  for (const connections of CONNECTIONS) {
    const of = (bot: BotName) => runs.filter((r) => r.bot === bot && r.connections === connections);
    for (const bot of ['echo', 'esd-bot', 'esd-bot-pg'] as const) {
      const rs = of(bot);
      if (rs.length === 0) continue;
      rows.push([
        String(connections),
        bot === 'esd-bot-pg' ? 'esd-bot (PostgreSQL)' : bot,
        spread(rs.map((r) => r.rps)),
        spread(
          rs.map((r) => r.p50),
          2,
        ),
        spread(
          rs.map((r) => r.p99),
          2,
        ),
        spread(
          rs.map((r) => r.cpuMsPerTurn),
          3,
        ),
        fmt(median(rs.map((r) => r.rssMiB))),
        String(rs.reduce((a, r) => a + r.non2xx + r.errors, 0)),
      ]);
    }
    // Ratios of runs of the same round, side by side; then their median.
    const pairs = (contender: BotName) =>
      of(contender)
        .map((c) => ({ c, e: of('echo').find((e) => e.round === c.round) }))
        .filter((p): p is { c: Run; e: Run } => p.e !== undefined);
    for (const contender of ['esd-bot', 'esd-bot-pg'] as const) {
      const ps = pairs(contender);
      if (ps.length === 0) continue;
      const throughput = ps.map((p) => p.c.rps / p.e.rps);
      const p99 = ps.map((p) => p.c.p99 / p.e.p99);
      const cpu = ps.map((p) => p.c.cpuMsPerTurn / p.e.cpuMsPerTurn);
      ratioRows.push([
        String(connections),
        contender === 'esd-bot' ? 'esd-bot / echo' : 'esd-bot (PostgreSQL) / echo',
        spread(throughput, 2),
        spread(
          ps.map((p) => p.c.p50 / p.e.p50),
          2,
        ),
        spread(p99, 2),
        spread(cpu, 2),
      ]);
      // Issue 20's targets: SQLite ≥ 0.75 × echo with p99 ≤ 1.5 × echo; PostgreSQL ≥ 0.6 × echo.
      const floor = contender === 'esd-bot' ? 0.75 : 0.6;
      const who = contender === 'esd-bot' ? 'esd-bot' : 'esd-bot (PostgreSQL)';
      const plural = connections > 1 ? 's' : '';
      const t = median(throughput);
      targets.push({
        what: `turns/s ${who} ÷ echo, ${connections} connection${plural}`,
        target: `≥ ${floor.toFixed(2)}`,
        measured: ratio(t),
        met: t >= floor,
        note: t >= floor ? '' : `${fmt((1 - t / floor) * 100)} % short; see "Where the time goes"`,
      });
      if (contender === 'esd-bot') {
        const l = median(p99);
        targets.push({
          what: `p99 esd-bot ÷ echo, ${connections} connection${plural}`,
          target: '≤ 1.5',
          measured: ratio(l),
          met: l <= 1.5,
          note: l <= 1.5 ? '' : `${fmt((l / 1.5 - 1) * 100)} % over; see "Where the time goes"`,
        });
      }
    }
  }
  const idleRatio = (idle['esd-bot'] ?? Number.NaN) / (idle.echo ?? Number.NaN);
  if (Number.isFinite(idleRatio))
    targets.push({
      what: `idle memory (RSS) esd-bot ÷ echo`,
      target: '≤ 1.3',
      measured: ratio(idleRatio),
      met: idleRatio <= 1.3,
      note:
        idleRatio <= 1.3
          ? ''
          : `${fmt((idleRatio / 1.3 - 1) * 100)} % over: the V8 heap start-up leaves (the young generation capped at 16 MiB a semi-space by the start script's flag, Node 20's default; uncapped, Node 24 grows it to 64), and modules the echo bot does not load (pino, prom-client, the engine's driver, date-fns' format, the dialog classes, our modules; kysely and zod by their CommonJS builds). Prompts, date recognizers and templating load on first use; ICU on the first date outside UTC (bench/idle-memory.ts, NOTES)`,
    });
  md.push(
    table(
      ['connections', 'bot', 'turns/s', 'p50 ms', 'p99 ms', 'CPU ms/turn', 'RSS MiB', 'errors'],
      rows,
    ),
  );
  md.push('');
  md.push('Ratios, computed per round from the two runs side by side, then the median (range):');
  md.push('');
  md.push(table(['connections', 'ratio', 'turns/s', 'p50', 'p99', 'CPU ms/turn'], ratioRows));
  md.push('');
  md.push(
    `Memory: RSS idle after start-up, before the bot's first turn, and the largest seen after a run under load: ` +
      Object.keys(idle)
        .map(
          (b) =>
            `${b} ${fmt(idle[b] ?? Number.NaN)} MiB idle, ${fmt(peak[b] ?? Number.NaN)} MiB under load`,
        )
        .join('; ') +
      '.',
  );
  md.push('');
  md.push('### Where the time goes (node --cpu-prof, 10 connections)');
  md.push('');
  const perTurn = (p: { summary: ProfileSummary; turns: number }, ms: number) =>
    ms / Math.max(1, p.turns);
  md.push(
    `One more run of each bot under the profiler (${SECONDS} s after a warm-up; the profiler slows both alike). ` +
      `Self CPU time per turn by where the code comes from; a native call is charged to its caller, except SQLite's own statement execution. ` +
      `echo: ${fmt(echoProfile.turns)} turns profiled, esd-bot: ${fmt(esdProfile.turns)}.`,
  );
  md.push('');
  const groupRows = GROUPS.map((g) => [
    g,
    perTurn(echoProfile, echoProfile.summary.byGroup[g]).toFixed(3),
    perTurn(esdProfile, esdProfile.summary.byGroup[g]).toFixed(3),
    (
      perTurn(esdProfile, esdProfile.summary.byGroup[g]) -
      perTurn(echoProfile, echoProfile.summary.byGroup[g])
    ).toFixed(3),
  ]);
  groupRows.push([
    '**total**',
    perTurn(echoProfile, echoProfile.summary.totalMs).toFixed(3),
    perTurn(esdProfile, esdProfile.summary.totalMs).toFixed(3),
    (
      perTurn(esdProfile, esdProfile.summary.totalMs) -
      perTurn(echoProfile, echoProfile.summary.totalMs)
    ).toFixed(3),
  ]);
  md.push(table(['origin', 'echo ms/turn', 'esd-bot ms/turn', 'difference'], groupRows));
  md.push('');
  md.push(
    'esd-bot functions by inclusive CPU time per turn (everything they call, framework included):',
  );
  md.push('');
  md.push(
    table(
      ['function', 'ms/turn'],
      esdProfile.summary.topOursInclusive
        .slice(0, 15)
        .map((f) => [`\`${f.name}\``, perTurn(esdProfile, f.ms).toFixed(3)]),
    ),
  );
  md.push('');
  md.push('esd-bot: top functions by self time per turn:');
  md.push('');
  md.push(
    table(
      ['function', 'origin', 'ms/turn'],
      esdProfile.summary.topSelf
        .slice(0, 15)
        .map((f) => [`\`${f.name}\``, f.group, perTurn(esdProfile, f.ms).toFixed(3)]),
    ),
  );
  md.push('');
  md.push(
    'Packages by inclusive time per turn (a sample counts once for each package on its stack):',
  );
  md.push('');
  const pkgRows = Object.entries(esdProfile.summary.packagesInclusive)
    .slice(0, 12)
    .map(([pkg, ms]) => [
      pkg,
      perTurn(echoProfile, echoProfile.summary.packagesInclusive[pkg] ?? 0).toFixed(3),
      perTurn(esdProfile, ms).toFixed(3),
    ]);
  md.push(table(['package', 'echo ms/turn', 'esd-bot ms/turn'], pkgRows));
  return { markdown: md.join('\n'), targets };
}

await main();
