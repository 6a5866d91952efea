import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { sql } from '../kysely.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, engine: Engine) {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Db, engine: Engine): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workloads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('l1_status', 'text', (c) => c.notNull())
    .addColumn('esd_date', 'text')
    .addColumn('esd_estimate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('esd_basis', 'text')
    .addColumn('channel_type', 'text', (c) => c.notNull())
    .addColumn('fm_upn', 'text')
    .addColumn('fm_aad_object_id', 'text')
    .addColumn('frp_partner_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // R2: one row per workload of a tenant, each with its own ESD.
    .addUniqueConstraint('workloads_tenant_code', ['tenant_id', 'code'])
    // A workload that later leaves In Progress keeps its last ESD as history; R1 forbids setting
    // or changing one, which the rules module enforces, so no CHECK on the status here.
    .addCheckConstraint('workloads_esd_date_shape', sql`esd_date is null or length(esd_date) = 10`)
    .execute();
  await db.schema
    .createIndex('workloads_fm_upn')
    .on('workloads')
    .columns(['fm_upn', 'esd_date'])
    .execute();
  await db.schema
    .createIndex('workloads_fm_aad')
    .on('workloads')
    .columns(['fm_aad_object_id', 'esd_date'])
    .execute();
  // The reminder sweep and "upcoming" look workloads up by date.
  await db.schema
    .createIndex('workloads_esd_date')
    .on('workloads')
    .columns(['esd_date', 'l1_status'])
    .execute();

  await withId(db.schema.createTable('status_notes'), engine)
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('workload_id', 'text', (c) => c.references('workloads.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_upn', 'text')
    .addColumn('author_aad_object_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_notes_tenant')
    .on('status_notes')
    .columns(['tenant_id', 'id'])
    .execute();

  await withId(db.schema.createTable('esd_changes'), engine)
    .addColumn('workload_id', 'text', (c) => c.notNull().references('workloads.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('old_date', 'text')
    .addColumn('old_estimate', 'integer')
    .addColumn('new_date', 'text', (c) => c.notNull())
    .addColumn('new_estimate', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_upn', 'text')
    .addColumn('actor_aad_object_id', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // R8: the reason is part of the row and of a note; neither exists without the other.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note_id', 'integer', (c) => c.notNull().references('status_notes.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('esd_changes_workload')
    .on('esd_changes')
    .columns(['workload_id', 'id'])
    .execute();
  await db.schema
    .createIndex('esd_changes_tenant')
    .on('esd_changes')
    .columns(['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('aad_object_id', 'text', (c) => c.primaryKey())
    .addColumn('upn', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aad_tenant_id', 'text')
    .addColumn('locale', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('conversation_ref', 'text')
    .addColumn('reachable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_upn').on('people').column('upn').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('upn', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_grants_pk', ['upn', 'role'])
    .execute();

  await withId(db.schema.createTable('outbox'), engine)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('workload_id', 'text')
    .addColumn('recipient_aad_object_id', 'text')
    .addColumn('recipient_upn', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'due_at']).execute();
  await db.schema
    .createIndex('outbox_workload')
    .on('outbox')
    .columns(['workload_id', 'status'])
    .execute();

  await db.schema
    .createTable('gateway_handoffs')
    .addColumn('handoff_id', 'text', (c) => c.primaryKey())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();

  await db.schema
    .createTable('bot_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
