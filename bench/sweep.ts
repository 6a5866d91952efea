/**
 * 3. The reminder sweep: the time to find due reminders (reminderCandidates, the query the sweep
 * runs) among 10k, 100k and 1M workloads, and the whole sweep (queueing what is due; then again
 * with nothing new), on SQLite and PostgreSQL, with each engine's query plan.
 */
import { CompiledQuery, type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { parseConfig } from '../src/config/config.js';
import { addDays, calendarDateIn } from '../src/domain/index.js';
import { sweep } from '../src/notify/sweep.js';
import type { StoreContext } from '../src/store/context.js';
import { reminderCandidates } from '../src/store/reminders.js';
import { contextOf, Store } from '../src/store/store.js';
import { createBenchDatabase, postgresAvailable } from './lib/databases.js';
import { QUICK, saveSection, type Target } from './lib/report.js';
import { addWorkloads } from './lib/seed.js';
import { fmt, median, min, ratio, spread, table } from './lib/stats.js';

const SIZES = process.env.BENCH_SWEEP_SIZES
  ? process.env.BENCH_SWEEP_SIZES.split(',').map(Number)
  : QUICK
    ? [10_000, 100_000]
    : [10_000, 100_000, 1_000_000];
const RUNS = QUICK ? 3 : Number(process.env.BENCH_ROUNDS ?? 9);
const started = performance.now();

/** Keeps the last query's operation tree, to compile it again for EXPLAIN. */
class Capture implements KyselyPlugin {
  node: RootOperationNode | null = null;
  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    this.node = args.node;
    return args.node;
  }
  async transformResult<T>(args: { result: T }): Promise<T> {
    return args.result;
  }
}

interface Measure {
  engine: 'sqlite' | 'postgres';
  workloads: number;
  candidates: number;
  findMs: number[];
  firstSweepMs: number;
  queued: number;
  steadySweepMs: number[];
  seedSeconds: number;
  plan: string;
}

async function explain(store: Store, from: string, to: string): Promise<string> {
  const capture = new Capture();
  const ctx: StoreContext = { ...contextOf(store), db: contextOf(store).db.withPlugin(capture) };
  await reminderCandidates(ctx, from as never, to as never);
  if (!capture.node) throw new Error('no query captured');
  const compiled = contextOf(store)
    .db.getExecutor()
    .compileQuery(capture.node, { queryId: 'explain' });
  const text =
    store.engine === 'sqlite'
      ? `explain query plan ${compiled.sql}`
      : `explain (analyze, buffers, costs off, timing off) ${compiled.sql}`;
  const result = await contextOf(store).db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(text, [...compiled.parameters]),
  );
  return result.rows
    .map((r) =>
      store.engine === 'sqlite'
        ? `${'  '.repeat(depth(result.rows, r))}${r.detail}`
        : String(r['QUERY PLAN']),
    )
    .join('\n');
}

/** Indentation of an EXPLAIN QUERY PLAN row (its parent chain). */
function depth(rows: Record<string, unknown>[], row: Record<string, unknown>): number {
  let d = 0;
  let parent = row.parent;
  while (parent) {
    d++;
    parent = rows.find((r) => r.id === parent)?.parent;
  }
  return d;
}

async function main() {
  const engines: ('sqlite' | 'postgres')[] = (await postgresAvailable())
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const config = parseConfig({});
  const today = calendarDateIn(new Date(), 'UTC');
  const asOf = new Date(`${today}T12:00:00Z`);
  const from = addDays(today, -config.reminders.graceDays - 1);
  const to = addDays(today, config.reminders.weeklyDigest ? 8 : 1);
  const measures: Measure[] = [];
  for (const engine of engines) {
    const db = await createBenchDatabase(engine, 'sweep');
    // The store's clock: real time while seeding; for the sweeps, as if the last write had been
    // ten minutes before (the steady state the watermark is for: nothing written since).
    let clock: Date | null = null;
    const store = await Store.open(db.target, { now: () => clock ?? new Date() });
    let have = 0;
    try {
      for (const size of SIZES) {
        const t0 = performance.now();
        await addWorkloads(store, have, size, today);
        // PostgreSQL's autovacuum would have analyzed tables this size by the time they matter.
        if (engine === 'postgres') await sql`analyze`.execute(contextOf(store).db);
        const seedSeconds = (performance.now() - t0) / 1000;
        have = size;
        const findMs: number[] = [];
        let candidates = 0;
        await reminderCandidates(contextOf(store), from, to); // warm-up
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          candidates = (await reminderCandidates(contextOf(store), from, to)).length;
          findMs.push(performance.now() - t);
        }
        const seeded = Date.now();
        clock = new Date(seeded + 10 * 60_000);
        const t1 = performance.now();
        const first = await sweep(store, config, asOf);
        const firstSweepMs = performance.now() - t1;
        const steadySweepMs: number[] = [];
        for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
          // The following minutes: nothing written, nothing newly due (the next reminder falls due
          // later than these few minutes after 12:00 UTC in the seeded time zones).
          clock = new Date(seeded + (11 + i) * 60_000);
          const t = performance.now();
          const again = await sweep(store, config, new Date(asOf.getTime() + (i + 1) * 60_000));
          steadySweepMs.push(performance.now() - t);
          if (again.reminders + again.digests !== 0) throw new Error('a second sweep queued again');
        }
        clock = null;
        const plan = await explain(store, from, to);
        measures.push({
          engine,
          workloads: size,
          candidates,
          findMs,
          firstSweepMs,
          queued: first.reminders + first.digests,
          steadySweepMs,
          seedSeconds,
          plan,
        });
        process.stderr.write(
          `sweep: ${engine} ${fmt(size)} workloads (seeded in ${seedSeconds.toFixed(1)} s): ${candidates} candidates found in ${median(findMs).toFixed(1)} ms; first sweep ${firstSweepMs.toFixed(0)} ms (${first.reminders} reminders), steady ${median(steadySweepMs).toFixed(1)} ms\n`,
        );
      }
    } finally {
      await store.close();
      await db.drop();
    }
  }

  const rows = measures.map((m) => [
    m.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    fmt(m.workloads),
    fmt(m.candidates),
    spread(m.findMs, 1),
    fmt(m.firstSweepMs),
    fmt(m.queued),
    spread(m.steadySweepMs, 1),
  ]);
  const targets: Target[] = [];
  const pgMillion = measures.find((m) => m.engine === 'postgres' && m.workloads === 1_000_000);
  if (pgMillion) {
    const ms = median(pgMillion.findMs);
    targets.push({
      what: 'finding due reminders among 1M workloads, PostgreSQL',
      target: '< 50 ms',
      measured: `${ms.toFixed(1)} ms (best ${min(pgMillion.findMs).toFixed(1)})`,
      met: ms < 50,
      note: ms < 50 ? '' : `${fmt((ms / 50 - 1) * 100)} % over`,
    });
  }
  const sqliteMillion = measures.find((m) => m.engine === 'sqlite' && m.workloads === 1_000_000);
  if (sqliteMillion)
    targets.push({
      what: 'finding due reminders among 1M workloads, SQLite (no target; for comparison)',
      target: '–',
      measured: `${median(sqliteMillion.findMs).toFixed(1)} ms`,
      met: true,
    });
  // Issue 20's rows, per engine: the steady sweep (nothing written, nothing newly due) at 1M
  // workloads, and the first sweep of a day against what it queues, at the largest size run.
  for (const engine of engines) {
    const ms = measures.filter((x) => x.engine === engine);
    const m = ms.at(-1);
    const small = ms[0];
    if (!m || !small) continue;
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const atMillion = m.workloads >= 1_000_000;
    const notRun = atMillion
      ? ''
      : `; measured at ${fmt(m.workloads)}: 1M not run (BENCH_QUICK or BENCH_SWEEP_SIZES)`;
    const steady = median(m.steadySweepMs);
    targets.push({
      what: `steady sweep (nothing new) among ${fmt(m.workloads)} workloads, ${name} (find alone: ${median(m.findMs).toFixed(1)} ms)`,
      target: '< 5 ms at 1M',
      measured: `${steady.toFixed(1)} ms (${spread(m.steadySweepMs, 1)})`,
      met: steady < 5 && atMillion,
      note:
        (steady < 5
          ? 'the watermark: one statement of index probes, no scan'
          : `${fmt((steady / 5 - 1) * 100)} % over: one statement, one round trip, slowed by a busy server`) +
        notRun,
    });
    // Proportional to what is due: the cost per reminder queued does not grow with the table.
    const perQueued = (x: Measure) => x.firstSweepMs / Math.max(1, x.queued);
    const growth = perQueued(m) / perQueued(small);
    targets.push({
      what: `first sweep of a day, ${name}: ms per reminder queued at ${fmt(m.workloads)} ÷ at ${fmt(small.workloads)} workloads (${perQueued(m).toFixed(2)} ms × ${fmt(m.queued)} queued; ${perQueued(small).toFixed(2)} ms × ${fmt(small.queued)})`,
      target: '≤ 2 (proportional to what is due)',
      measured: ratio(growth),
      met: growth <= 2 && m.workloads > small.workloads,
      note:
        m.workloads > small.workloads
          ? growth <= 2
            ? 'a full sweep, its cost per reminder queued the same at every size'
            : `the cost per reminder grows with the table: ${fmt((growth / 2 - 1) * 100)} % over`
          : 'one size only: nothing to compare',
    });
  }
  const md: string[] = [
    `Synthetic workloads (\`bench/lib/seed.ts\`): 10 per tenant, 60 % In Progress, 85 % of tenants with an FM ` +
      `(up to 40,000 FMs with their time zones), 85 % with an ESD spread over a year back and two ahead. The sweep looks at ` +
      `${from} … ${to} (grace days and the weekly digest's week around today, ${today}); about 0.5 % of workloads are ` +
      `candidates. "find" is \`reminderCandidates\` (the sweep's query, rows mapped to objects), ${RUNS} runs after a warm-up, ` +
      `median (range). "first sweep" queues every reminder due as of ${asOf.toISOString()} (an outbox row each, in one ` +
      `transaction); "steady sweep" is the minute-by-minute sweep that follows (the next minutes, nothing written for ten ` +
      `minutes), which the watermark (\`src/store/sweep-watermark.ts\`) answers with index probes instead of finding the ` +
      `same candidates again; it queues nothing. SQLite as the server opens it; PostgreSQL after ANALYZE, as autovacuum leaves it.`,
    '',
    table(
      [
        'engine',
        'workloads',
        'candidates',
        'find ms',
        'first sweep ms',
        'queued',
        'steady sweep ms',
      ],
      rows,
    ),
    '',
  ];
  for (const engine of engines) {
    const m = measures.filter((x) => x.engine === engine).at(-1);
    if (!m) continue;
    md.push(
      `Query plan at ${fmt(m.workloads)} workloads, ${engine === 'sqlite' ? 'SQLite (EXPLAIN QUERY PLAN)' : 'PostgreSQL (EXPLAIN ANALYZE)'}:`,
    );
    md.push('');
    md.push('```');
    md.push(m.plan);
    md.push('```');
    md.push('');
  }
  await saveSection({
    name: 'sweep',
    title: '3. The reminder sweep',
    command: 'npm run bench:sweep',
    markdown: md.join('\n'),
    targets,
    data: { measures },
    seconds: (performance.now() - started) / 1000,
  });
}

await main();
