import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * An FM's workloads are found by fm_aad_object_id or fm_upn (queries.ts, assignedTo) and sorted
 * in JavaScript; no query reads these two indexes' second column, esd_date. With it, every date
 * change moved the workload's entry in both (on SQLite four of a change's ~23 pages written,
 * issue 20); keyed on the FM alone, a date change leaves them as they are.
 */
export async function up(db: Db): Promise<void> {
  for (const [name, column] of [
    ['workloads_fm_upn', 'fm_upn'],
    ['workloads_fm_aad', 'fm_aad_object_id'],
  ] as const) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on('workloads').column(column).execute();
  }
}
