/**
 * Issue 20, the chat turn: the store reads of a typed-date turn (bench:turn's turn), as the turn
 * made them before and as it makes them now, side by side in one process on one engine. Before
 * (three statements): actor and reachability, the dialog state, the tenant with its workloads as
 * kysely built it (`workloads.*`, unprepared). Now (two): actor, reachability and dialog state in
 * one (prepared on PostgreSQL), then the tenant with its workloads (named columns, prepared).
 * (Before that, a turn ran five: see bench/NOTES.md, "The turn's reads: five statements to three".)
 * CPU time of this process per turn's reads (process.cpuUsage, user + system; the database
 * server's own work is not counted), blocks of BENCH_ITERATIONS turns over 50 FMs, the two
 * sequences alternating which goes first each round; the median of the rounds (range).
 *
 *   npx tsx bench/turn-reads.ts sqlite|postgres   # BENCH_ROUNDS (default 10), BENCH_ITERATIONS (500)
 *
 * Prints only; bench/RESULTS.md is left alone.
 */
import type { Selectable } from 'kysely';
import { toWorkload } from '../src/store/mappers.js';
import { ReusedQuery } from '../src/store/reused-query.js';
import type { WorkloadsTable } from '../src/store/schema.js';
import { contextOf, Store } from '../src/store/store.js';
import { createBenchDatabase, postgresAvailable } from './lib/databases.js';
import { type BenchFm, benchFm, seedBenchFms } from './lib/teams.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);
const FMS = 50;

/** The dialog state's key as botbuilder's PrivateConversationState names it. */
const stateKey = (fm: BenchFm) => `msteams/conversations/${fm.conversationId}/users/${fm.teamsId}/`;
const identity = (fm: BenchFm) => ({ aadObjectId: fm.aadObjectId, upn: fm.upn, name: fm.name });

type Reads = (store: Store, fm: BenchFm, tenantId: string) => Promise<number>;

/**
 * The tenant-with-workloads read as it ran before: kysely's query (`workloads.*`), compiled once
 * (ReusedQuery), unprepared; its rows mapped as tenantWithWorkloads maps them.
 */
const tenantWithWorkloadsBefore = new ReusedQuery(1, (db, tenantId) =>
  db
    .selectFrom('tenants')
    .leftJoin('workloads', 'workloads.tenant_id', 'tenants.id')
    .selectAll('workloads')
    .select([
      'tenants.id as t_id',
      'tenants.name as t_name',
      'tenants.customer_name as t_customer_name',
    ])
    .where('tenants.id', '=', tenantId as string)
    .orderBy('workloads.code'),
);

const before: Reads = async (store, fm, tenantId) => {
  const { actor } = await store.loadActorAndReachability(identity(fm));
  await store.readState([stateKey(fm)]);
  const { db, engine } = contextOf(store);
  const rows = await tenantWithWorkloadsBefore.execute(db, engine, tenantId);
  const workloads = rows.flatMap(({ t_id, t_name, t_customer_name, ...w }) =>
    w.id === null ? [] : [toWorkload(w as Selectable<WorkloadsTable>)],
  );
  return workloads.length + actor.roles.length;
};

const now: Reads = async (store, fm, tenantId) => {
  const { actor } = await store.loadActorAndReachability(identity(fm), stateKey(fm));
  const found = await store.tenantWithWorkloads(tenantId);
  return (found?.workloads.length ?? 0) + actor.roles.length;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (
    ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) /
    2
  );
};
const range = (xs: number[], digits: number) =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

async function main() {
  const engine = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  if (engine === 'postgres' && !(await postgresAvailable()))
    throw new Error('turn-reads: PostgreSQL not reachable (BENCH_DATABASE_URL)');
  const db = await createBenchDatabase(engine, 'turn-reads');
  const store = await Store.open(db.target);
  try {
    await seedBenchFms(store, FMS);
    const fms = Array.from({ length: FMS }, (_, n) => benchFm(n));
    const tenants: string[] = [];
    for (const fm of fms) {
      const [first] = await store.workloadsAssignedTo(identity(fm));
      if (!first) throw new Error(`turn-reads: ${fm.name} has no workload`);
      tenants.push(first.tenant.id);
      await store.writeState([{ key: stateKey(fm), data: { dialogState: { dialogStack: [] } } }]);
    }
    const block = async (reads: Reads) => {
      const start = process.cpuUsage();
      const startWall = performance.now();
      for (let i = 0; i < ITERATIONS; i++)
        await reads(store, fms[i % FMS] as BenchFm, tenants[i % FMS] as string);
      const used = process.cpuUsage(start);
      const wallUs = ((performance.now() - startWall) * 1000) / ITERATIONS;
      return { cpuUs: (used.user + used.system) / ITERATIONS, wallUs };
    };
    await block(before);
    await block(now);
    const cpu = { before: [] as number[], now: [] as number[], ratio: [] as number[] };
    const wall = { before: [] as number[], now: [] as number[], ratio: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which sequence goes first.
      const old = round % 2 === 0 ? await block(before) : null;
      const fresh = await block(now);
      const was = old ?? (await block(before));
      for (const [into, key] of [
        [cpu, 'cpuUs'],
        [wall, 'wallUs'],
      ] as const) {
        into.before.push(was[key]);
        into.now.push(fresh[key]);
        into.ratio.push(fresh[key] / was[key]);
      }
    }
    const line = (what: string, xs: typeof cpu) =>
      `  ${what}: before (3 statements) ${median(xs.before).toFixed(0)} (${range(xs.before, 0)}), ` +
      `now (2) ${median(xs.now).toFixed(0)} (${range(xs.now, 0)}); now ÷ before ` +
      `${median(xs.ratio).toFixed(2)} (${range(xs.ratio, 2)})\n`;
    process.stdout.write(
      `${engine}, a turn's reads, ${ROUNDS} rounds of ${ITERATIONS}:\n` +
        line("CPU µs of this process (the server's not counted)", cpu) +
        line('wall µs, one after the other', wall),
    );
  } finally {
    await store.close();
    await db.drop();
  }
}

await main();
