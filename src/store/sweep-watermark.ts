import type { StoreContext } from './context.js';

/** Migration 006. Declared here, merged into Database, to keep this change out of schema.ts. */
export interface SweepWatermarksTable {
  name: string;
  fingerprint: string;
  as_of: string;
  next_due_at: string | null;
  changes_after: string;
  people_generation: number;
}

export interface SweepPeopleGenerationTable {
  id: number;
  generation: number;
}

/** Migration 011, SQLite only: the latest workloads.updated_at written (kept by triggers). */
export interface SweepWorkloadsWrittenTable {
  id: number;
  last_write: string | null;
}

declare module './schema.js' {
  interface Database {
    sweep_watermarks: SweepWatermarksTable;
    sweep_people_generation: SweepPeopleGenerationTable;
    sweep_workloads_written: SweepWorkloadsWrittenTable;
  }
}

/**
 * What a full reminder sweep saw. The sweep is a function of the workloads (dates, statuses, FMs),
 * the people (time zones), the configuration and the instant; the watermark records the last two
 * and when the first two last changed, so a later minute can tell, with an index probe, that a
 * full sweep would queue nothing new.
 */
export interface SweepWatermark {
  /** The reminder settings the sweep ran with (another configuration sweeps in full). */
  fingerprint: string;
  /** The instant swept as of (ISO). */
  asOf: string;
  /** The earliest instant at which a candidate seen then becomes due (reminder or digest), if any. */
  nextDueAt: string | null;
  /** Rows written after this (updated_at, ISO) may not have been seen: sweep in full again. */
  changesAfter: string;
  /** sweep_people_generation when the sweep began (a trigger counts changes the sweep reads). */
  peopleGeneration: number;
}

const NAME = 'reminders';

/**
 * How far before its start a sweep looks for writes it may have missed: a write's updated_at is
 * its writer's clock when the write began, which may commit after the sweep read, or come from
 * another instance whose clock is a little behind. A change is therefore swept in full for a few
 * minutes after it, never missed.
 */
export const CHANGE_MARGIN_MS = 5 * 60_000;

export async function readSweepWatermark(ctx: StoreContext): Promise<SweepWatermark | null> {
  const row = await ctx.db
    .selectFrom('sweep_watermarks')
    .selectAll()
    .where('name', '=', NAME)
    .executeTakeFirst();
  return row
    ? {
        fingerprint: row.fingerprint,
        asOf: row.as_of,
        nextDueAt: row.next_due_at,
        changesAfter: row.changes_after,
        peopleGeneration: Number(row.people_generation),
      }
    : null;
}

/**
 * Whether a full sweep as of `asOf` would find nothing the last one did not: same settings, same
 * UTC day (the candidates' window moves with it), not earlier than the last sweep, nothing due
 * since, no workload written since it read them (an index probe; one row on SQLite) and no person
 * changed in what the sweep reads of them (a trigger's counter). One statement, one round trip;
 * it also reads the counter a full sweep must record (read before the sweep reads its
 * candidates: a change committed after that is seen next time).
 */
export async function probeSweep(
  ctx: StoreContext,
  fingerprint: string,
  asOf: Date,
): Promise<{ unchanged: boolean; peopleGeneration: number }> {
  const row = await ctx.db
    .selectFrom('sweep_people_generation as g')
    .leftJoin('sweep_watermarks as w', (join) => join.on('w.name', '=', NAME))
    .select((eb) => [
      'g.generation',
      'w.fingerprint',
      'w.as_of',
      'w.next_due_at',
      'w.people_generation',
      // The latest write, not "exists a write after": on PostgreSQL max() over the index is one
      // probe, where it planned the correlated EXISTS as a scan expected to stop early (and read
      // all 1M rows when nothing was written: 370 ms, bench:sweep). SQLite: one row kept by
      // triggers (migration 011), so that writes keep no index on updated_at.
      ctx.engine === 'postgres'
        ? eb
            .selectFrom('workloads')
            .select((sub) => sub.fn.max('workloads.updated_at').as('m'))
            .as('last_write')
        : eb
            .selectFrom('sweep_workloads_written')
            .select('sweep_workloads_written.last_write')
            .where('sweep_workloads_written.id', '=', 1)
            .as('last_write'),
      'w.changes_after',
    ])
    .where('g.id', '=', 1)
    .executeTakeFirstOrThrow();
  const generation = Number(row.generation);
  const at = asOf.toISOString();
  const unchanged =
    row.fingerprint === fingerprint &&
    row.as_of !== null &&
    at >= row.as_of &&
    at.slice(0, 10) === row.as_of.slice(0, 10) &&
    (row.next_due_at === null || at < row.next_due_at) &&
    !(
      row.last_write !== null &&
      row.changes_after !== null &&
      row.last_write > row.changes_after
    ) &&
    Number(row.people_generation) === generation;
  return { unchanged, peopleGeneration: generation };
}

/**
 * Records a full sweep, once what it found is queued. Instances may record in any order: a
 * watermark from an older read has an earlier `changesAfter` and no later `nextDueAt`, so the
 * worst it does is cause one more full sweep.
 */
export async function recordSweep(
  ctx: StoreContext,
  sweep: {
    fingerprint: string;
    asOf: Date;
    nextDueAt: Date | null;
    startedAt: Date;
    peopleGeneration: number;
  },
): Promise<void> {
  const values = {
    fingerprint: sweep.fingerprint,
    as_of: sweep.asOf.toISOString(),
    next_due_at: sweep.nextDueAt?.toISOString() ?? null,
    changes_after: new Date(sweep.startedAt.getTime() - CHANGE_MARGIN_MS).toISOString(),
    people_generation: sweep.peopleGeneration,
  };
  await ctx.db
    .insertInto('sweep_watermarks')
    .values({ name: NAME, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}
