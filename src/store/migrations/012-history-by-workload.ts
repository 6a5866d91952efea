import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * A tenant's ESD history is read through its workloads (a handful, R2) and esd_changes_workload
 * (queries.ts, tenantHistory): esd_changes_tenant is no longer read, and every date change wrote
 * a page of it (on SQLite one of the ~16 a change writes, at a random place: never shared by a
 * group commit; issue 20).
 */
export async function up(db: Db): Promise<void> {
  await db.schema.dropIndex('esd_changes_tenant').execute();
}
