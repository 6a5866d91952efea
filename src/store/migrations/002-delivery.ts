import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * Proactive delivery: what is needed to reach a person (their Teams user id and service URL, to
 * open a 1:1 chat from a team they share with the bot), the answers given on reminder cards, and
 * an index to wake the rows that waited for a person to become reachable again.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('people').addColumn('teams_user_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('service_url', 'text').execute();
  await db.schema
    .createIndex('outbox_recipient_upn')
    .on('outbox')
    .columns(['recipient_upn', 'status'])
    .execute();
  await db.schema
    .createIndex('outbox_recipient_aad')
    .on('outbox')
    .columns(['recipient_aad_object_id', 'status'])
    .execute();
  await db.schema
    .createTable('reminder_responses')
    // One answer per reminder message: a second press of any button on it changes nothing.
    .addColumn('outbox_id', 'integer', (c) => c.primaryKey())
    .addColumn('workload_id', 'text', (c) => c.notNull())
    .addColumn('esd_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_upn', 'text')
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminder_responses_workload')
    .on('reminder_responses')
    .columns(['workload_id', 'esd_date'])
    .execute();
}
