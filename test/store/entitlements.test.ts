import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, CalendarDate, EntitlementLine, Workload } from '../../src/domain/index.js';
import { connect, migrate, migrationProvider } from '../../src/store/connect.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const TODAY = '2026-11-22' as CalendarDate;
const tenant = { id: 'tenant-litware', name: 'litware.onmicrosoft.com', customerName: 'Litware' };
const fm = { type: 'fm' as const, fm: { upn: 'alexw@example.com', aadObjectId: 'aad-alex' } };
const alex: Actor = {
  name: 'Alex Wilber',
  upn: 'alexw@example.com',
  aadObjectId: 'aad-alex',
  roles: [],
};

const line = (
  l1Status: EntitlementLine['l1Status'],
  seats: number | null,
  targetDate: string | null = null,
  l2Reason: string | null = null,
): EntitlementLine => ({
  l1Status,
  seats,
  targetDate: targetDate as CalendarDate | null,
  l2Reason,
});

describe.each(engines)('entitlement lines in the store on %s (issue 15, point 6)', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(async () => {
    await store?.close();
    await database.drop();
  });

  const change = (workload: Workload) =>
    store.changeEngagementStartDate({
      workloadId: workload.id,
      expectedVersion: workload.version,
      actor: alex,
      proposal: { kind: 'date', date: '2026-12-10', basis: 'planned' },
      reason: 'Agreed with the US division',
      source: 'teams',
      today: TODAY,
    });

  it('migration 007: a workload recorded before lines existed becomes one line at its status', async () => {
    const connection = connect(database.target);
    try {
      await new Migrator({ db: connection.db, provider: migrationProvider(engine) }).migrateTo(
        '006-sweep-watermark',
      );
      const at = NOW.toISOString();
      // biome-ignore lint/suspicious/noExplicitAny: the schema before migration 007
      const db = connection.db as any;
      await db
        .insertInto('tenants')
        .values({
          id: tenant.id,
          name: tenant.name,
          customer_name: tenant.customerName,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db
        .insertInto('workloads')
        .values({
          id: 'w-old',
          tenant_id: tenant.id,
          code: 'SPO',
          l1_status: 'blocked',
          esd_estimate: 0,
          channel_type: 'unassigned',
          version: 4,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await migrate(connection);
    } finally {
      await connection.close();
    }
    store = await Store.open(database.target, { now: () => NOW });
    // Written by the migration itself, not read back through the '[]' fallback.
    const raw = await contextOf(store)
      .db.selectFrom('workloads')
      .select('entitlements')
      .where('id', '=', 'w-old')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(raw.entitlements)).toEqual([line('blocked', null)]);
    const found = await store.getWorkload('w-old');
    expect(found?.workload.entitlements).toEqual([line('blocked', null)]);
    expect(found?.workload.l1Status).toBe('blocked');
    expect(found?.workload.version).toBe(4);
  });

  it('R1: a split with In Progress seats is In Progress and takes an ESD; lines read back as written', async () => {
    store = await Store.open(database.target, { now: () => NOW });
    const lines = [
      line('blocked', 20, null, 'Cloud Trust (Security/Compliance)'),
      line('in_progress', 80, '2027-06-30', 'Migration'),
    ];
    const [spo] = await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'in_progress', entitlements: lines, channel: fm },
    ]);
    const read = (await store.getWorkload((spo as Workload).id))?.workload as Workload;
    // Stored in L1 order.
    expect(read.entitlements).toEqual([lines[1], lines[0]]);
    expect(read.l1Status).toBe('in_progress');
    expect((await change(read)).status).toBe('changed');
  });

  it('R1: a split with no In Progress seats is refused, with the split in the answer, and nothing is written', async () => {
    store = await Store.open(database.target, { now: () => NOW });
    const [spo] = (await store.registerTenant(tenant, [
      {
        code: 'SPO',
        l1Status: 'blocked',
        entitlements: [line('in_progress', 0), line('blocked', 50), line('no_intent', 30)],
        channel: fm,
      },
    ])) as [Workload];
    expect(spo.l1Status).toBe('blocked');
    const result = await change(spo);
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(result.violations[0]).toMatchObject({
      code: 'status_ineligible',
      params: { status: 'blocked', split: [line('blocked', 50), line('no_intent', 30)] },
    });
    const rows = await contextOf(store).db.selectFrom('esd_changes').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('issue 17: a change of lines or Target Date is one event (before, after) in the same transaction; no change, no event', async () => {
    store = await Store.open(database.target, { now: () => NOW });
    const before = [line('in_progress', 80, '2027-06-30'), line('blocked', 20)];
    const after = [line('in_progress', 80, '2027-07-31'), line('blocked', 20)];
    const [spo] = (await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'in_progress', entitlements: before, channel: fm },
    ])) as [Workload];
    await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'in_progress', entitlements: before, channel: fm },
    ]);
    const none = await store.readEvents(0, 100);
    expect(none.status === 'ok' && none.events).toEqual([]);
    await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'in_progress', entitlements: after, channel: fm },
    ]);
    const page = await store.readEvents(0, 100);
    if (page.status !== 'ok') throw new Error(page.status);
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({
      type: 'esdbot.entitlements.changed',
      subject: spo.id,
      data: { workloadId: spo.id, workload: 'SPO', before, after },
    });
  });

  it('old single-L1 input keeps a split it agrees with, replaces one it does not, and bumps the version only on a change', async () => {
    store = await Store.open(database.target, { now: () => NOW });
    const split = [line('in_progress', 80, '2027-06-30'), line('blocked', 20)];
    const [first] = (await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'in_progress', entitlements: split, channel: fm },
    ])) as [Workload];
    const [same] = (await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'in_progress', channel: fm },
    ])) as [Workload];
    expect(same.entitlements).toEqual(split);
    expect(same.version).toBe(first.version);
    const [moved] = (await store.registerTenant(tenant, [
      {
        code: 'SPO',
        l1Status: 'in_progress',
        entitlements: [line('in_progress', 100, '2027-07-31')],
        channel: fm,
      },
    ])) as [Workload];
    expect(moved.entitlements).toEqual([line('in_progress', 100, '2027-07-31')]);
    expect(moved.version).toBe(first.version + 1);
    const [blocked] = (await store.registerTenant(tenant, [
      { code: 'SPO', l1Status: 'blocked', channel: fm },
    ])) as [Workload];
    expect(blocked.entitlements).toEqual([line('blocked', null)]);
    expect(blocked.l1Status).toBe('blocked');
    expect(blocked.version).toBe(first.version + 2);
  });
});
