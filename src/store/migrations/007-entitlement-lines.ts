import type { Kysely } from 'kysely';
import { sql } from '../kysely.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * Entitlement lines (issue 15, point 6): a workload's seats split across L1 statuses, each line
 * with its seats, Target Date and L2 reason, as the portal's Services tab has them. Stored as one
 * JSON array per workload, in L1 order (src/store/entitlements.ts writes it): every read of a
 * workload carries its lines with no join, and the workload's version guards them like the rest
 * of the row. `l1_status` stays, as the workload's effective status (In Progress when any seats
 * are, R1), so every query that filters on it keeps its meaning and its index.
 * Existing workloads become one line at their status, seats unknown: the common case.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('workloads')
    .addColumn('entitlements', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await sql`update workloads set entitlements =
      '[{"l1Status":"' || l1_status || '","seats":null,"targetDate":null,"l2Reason":null}]'`.execute(
    db,
  );
}
