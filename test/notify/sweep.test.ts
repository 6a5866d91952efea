import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import type { Actor, CalendarDate, Workload } from '../../src/domain/index.js';
import { sweep } from '../../src/notify/sweep.js';
import { contextOf, Store } from '../../src/store/store.js';
import { readSweepWatermark } from '../../src/store/sweep-watermark.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const gateway: Actor = { name: 'Gateway', upn: 'gw@example.com', roles: ['gateway'] };
const fm = (n: number) => ({
  type: 'fm' as const,
  fm: { upn: `fm${n}@example.com`, aadObjectId: `aad-fm${n}` },
});
const reason = 'Date the customer gave in the Gateway conversation.';

describe.each(engines)('reminder sweep on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let clock = new Date('2026-11-20T12:00:00Z');
  const config = parseConfig({});

  async function workloads(specs: Parameters<Store['registerTenant']>[1]) {
    return store.registerTenant(
      { id: `t-${specs.length}-${Math.random()}`, name: 'x.onmicrosoft.com', customerName: 'X' },
      specs,
    );
  }
  async function setEsd(workload: Workload, date: string) {
    const result = await store.changeEngagementStartDate({
      workloadId: workload.id,
      expectedVersion: workload.version,
      actor: gateway,
      proposal: { kind: 'date', date, basis: 'planned' },
      reason,
      source: 'gateway',
      today: '2026-11-20' as CalendarDate,
      quiet: true,
    });
    if (result.status !== 'changed') throw new Error(JSON.stringify(result));
    return result.workload;
  }
  async function reminders() {
    return contextOf(store)
      .db.selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'reminder')
      .orderBy('id')
      .execute();
  }

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    clock = new Date('2026-11-20T12:00:00Z');
    store = await Store.open(database.target, { now: () => clock });
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('R1, R3, R11: only In Progress, FM-assigned workloads with a date get a reminder', async () => {
    const [inProgress, blocked, noDate, frp] = (await workloads([
      { code: 'EXO', l1Status: 'in_progress', channel: fm(1) },
      { code: 'SPO', l1Status: 'in_progress', channel: fm(1) },
      { code: 'OD', l1Status: 'in_progress', channel: fm(1) },
      { code: 'TEAMS', l1Status: 'in_progress', channel: { type: 'frp', partnerName: 'Adatum' } },
    ])) as [Workload, Workload, Workload, Workload];
    await setEsd(inProgress, '2026-12-01');
    const spo = await setEsd(blocked, '2026-12-01');
    await setEsd(frp, '2026-12-01');
    void noDate;
    // SPO later becomes Blocked: it keeps its old date but must not be reminded (R1).
    await store.registerTenant({ id: spo.tenantId, name: 'x.onmicrosoft.com', customerName: 'X' }, [
      { code: 'SPO', l1Status: 'blocked', channel: fm(1) },
    ]);
    const queued = await sweep(store, config, new Date('2026-12-01T09:00:00Z'));
    expect(queued.reminders).toBe(1);
    expect((await reminders()).map((r) => r.workload_id)).toEqual([inProgress.id]);
  });

  it('fires at REMINDER_LOCAL_TIME in the FM’s own time zone, on both sides of midnight UTC', async () => {
    const [east, west] = (await workloads([
      { code: 'EXO', l1Status: 'in_progress', channel: fm(1) },
      { code: 'SPO', l1Status: 'in_progress', channel: fm(2) },
    ])) as [Workload, Workload];
    await store.upsertPerson({
      aadObjectId: 'aad-fm1',
      name: 'East',
      timeZone: 'Pacific/Kiritimati',
    }); // UTC+14
    await store.upsertPerson({
      aadObjectId: 'aad-fm2',
      name: 'West',
      timeZone: 'Pacific/Pago_Pago',
    }); // UTC-11
    await setEsd(east, '2026-12-01');
    await setEsd(west, '2026-12-01');
    // 09:00 on Dec 1 in Kiritimati is 19:00 UTC on Nov 30; in Pago Pago it is 20:00 UTC on Dec 1.
    expect((await sweep(store, config, new Date('2026-11-30T18:59:00Z'))).reminders).toBe(0);
    expect((await sweep(store, config, new Date('2026-11-30T19:00:00Z'))).reminders).toBe(1);
    expect((await sweep(store, config, new Date('2026-12-01T19:59:00Z'))).reminders).toBe(0);
    expect((await sweep(store, config, new Date('2026-12-01T20:00:00Z'))).reminders).toBe(1);
    expect((await reminders()).map((r) => r.workload_id)).toEqual([east.id, west.id]);
  });

  it('uses DEFAULT_TIME_ZONE when the FM’s is unknown', async () => {
    const [w] = (await workloads([{ code: 'EXO', l1Status: 'in_progress', channel: fm(3) }])) as [
      Workload,
    ];
    await setEsd(w, '2026-12-01');
    const lisbon = parseConfig({ DEFAULT_TIME_ZONE: 'America/Sao_Paulo' });
    expect((await sweep(store, lisbon, new Date('2026-12-01T11:59:00Z'))).reminders).toBe(0);
    expect((await sweep(store, lisbon, new Date('2026-12-01T12:00:00Z'))).reminders).toBe(1);
  });

  it('at most one reminder per workload and date, however often it runs', async () => {
    const [w] = (await workloads([{ code: 'EXO', l1Status: 'in_progress', channel: fm(1) }])) as [
      Workload,
    ];
    await setEsd(w, '2026-12-01');
    const asOf = new Date('2026-12-01T10:00:00Z');
    const results = await Promise.all([1, 2, 3].map(() => sweep(store, config, asOf)));
    expect(results.reduce((n, r) => n + r.reminders, 0)).toBe(1);
    expect(await reminders()).toHaveLength(1);
  });

  it('a late reminder goes out within REMINDER_GRACE_DAYS and says it is late; not after', async () => {
    const [w] = (await workloads([{ code: 'EXO', l1Status: 'in_progress', channel: fm(1) }])) as [
      Workload,
    ];
    await setEsd(w, '2026-12-01');
    expect((await sweep(store, config, new Date('2026-12-03T09:00:01Z'))).reminders).toBe(0);
    expect((await sweep(store, config, new Date('2026-12-03T09:00:00Z'))).reminders).toBe(1);
    expect(JSON.parse((await reminders())[0]?.payload ?? '{}')).toMatchObject({
      late: true,
      date: '2026-12-01',
    });
  });

  it('changing the date cancels the pending reminder, and the new date gets its own', async () => {
    const [w] = (await workloads([{ code: 'EXO', l1Status: 'in_progress', channel: fm(1) }])) as [
      Workload,
    ];
    const first = await setEsd(w, '2026-12-01');
    await sweep(store, config, new Date('2026-12-01T10:00:00Z'));
    await setEsd(first, '2026-12-08');
    expect((await reminders()).map((r) => r.status)).toEqual(['cancelled']);
    await sweep(store, config, new Date('2026-12-08T10:00:00Z'));
    expect((await reminders()).map((r) => [r.status, JSON.parse(r.payload).date])).toEqual([
      ['cancelled', '2026-12-01'],
      ['pending', '2026-12-08'],
    ]);
  });

  it('queues a Monday digest of the coming week, once', async () => {
    const [a, b] = (await workloads([
      { code: 'EXO', l1Status: 'in_progress', channel: fm(1) },
      { code: 'SPO', l1Status: 'in_progress', channel: fm(1) },
    ])) as [Workload, Workload];
    await setEsd(a, '2026-11-25');
    await setEsd(b, '2026-11-27');
    // 2026-11-23 is a Monday.
    expect((await sweep(store, config, new Date('2026-11-22T10:00:00Z'))).digests).toBe(0);
    expect((await sweep(store, config, new Date('2026-11-23T09:30:00Z'))).digests).toBe(1);
    expect((await sweep(store, config, new Date('2026-11-23T10:30:00Z'))).digests).toBe(0);
    const off = parseConfig({ WEEKLY_DIGEST: 'false' });
    await contextOf(store).db.deleteFrom('outbox').execute();
    expect((await sweep(store, off, new Date('2026-11-23T09:30:00Z'))).digests).toBe(0);
  });
  describe('watermark: a minute with nothing new skips the scan, never a reminder', () => {
    const quiet = parseConfig({ WEEKLY_DIGEST: 'false', DEFAULT_TIME_ZONE: 'UTC' });
    const at = (iso: string) => {
      clock = new Date(iso);
      return clock;
    };

    it('a quiet minute is skipped; a date changed after the last sweep is still reminded', async () => {
      const [w1, w2] = (await workloads([
        { code: 'EXO', l1Status: 'in_progress', channel: fm(1) },
        { code: 'SPO', l1Status: 'in_progress', channel: fm(1) },
      ])) as [Workload, Workload];
      at('2026-12-01T07:00:00Z');
      await setEsd(w1, '2026-12-01');
      expect((await sweep(store, quiet, at('2026-12-01T07:10:00Z'))).reminders).toBe(0);
      // Nothing written for more than the margin, nothing due before 09:00: the scan is skipped.
      expect((await sweep(store, quiet, at('2026-12-01T07:20:00Z'))).reminders).toBe(0);
      expect((await readSweepWatermark(contextOf(store)))?.asOf).toBe('2026-12-01T07:10:00.000Z');
      // A date moved to yesterday (within the grace days): due at once, found at the next minute.
      at('2026-12-01T07:30:00Z');
      await setEsd(w2, '2026-11-30');
      expect((await sweep(store, quiet, at('2026-12-01T07:31:00Z'))).reminders).toBe(1);
      expect((await sweep(store, quiet, at('2026-12-01T08:59:00Z'))).reminders).toBe(0);
      expect((await sweep(store, quiet, at('2026-12-01T09:00:00Z'))).reminders).toBe(1);
      expect((await sweep(store, quiet, at('2026-12-01T09:01:00Z'))).reminders).toBe(0);
      expect((await reminders()).map((r) => r.workload_id)).toEqual([w2.id, w1.id]);
    });

    it('two instances share it: a change made on one is swept by the other', async () => {
      const other = await Store.open(database.target, { now: () => clock });
      try {
        const [w] = (await workloads([
          { code: 'EXO', l1Status: 'in_progress', channel: fm(1) },
        ])) as [Workload];
        at('2026-12-01T07:00:00Z');
        const dated = await setEsd(w, '2026-12-02');
        expect((await sweep(store, quiet, at('2026-12-01T07:10:00Z'))).reminders).toBe(0);
        // The FM's time zone becomes known on the other instance: 09:00 on Dec 2 in Kiritimati
        // (UTC+14) is 19:00 UTC on Dec 1, earlier than the 09:00 UTC on Dec 2 swept for.
        at('2026-12-01T07:20:00Z');
        await other.upsertPerson({
          aadObjectId: 'aad-fm1',
          name: 'East',
          timeZone: 'Pacific/Kiritimati',
        });
        expect((await sweep(store, quiet, at('2026-12-01T18:59:00Z'))).reminders).toBe(0);
        expect((await sweep(other, quiet, at('2026-12-01T19:00:00Z'))).reminders).toBe(1);
        expect((await sweep(store, quiet, at('2026-12-01T19:01:00Z'))).reminders).toBe(0);
        // The date changes on the other instance after both swept: the new date is reminded.
        at('2026-12-01T19:30:00Z');
        const moved = await other.changeEngagementStartDate({
          workloadId: w.id,
          expectedVersion: dated.version,
          actor: gateway,
          proposal: { kind: 'date', date: '2026-12-03', basis: 'planned' },
          reason,
          source: 'gateway',
          today: '2026-11-20' as CalendarDate,
          quiet: true,
        });
        expect(moved.status).toBe('changed');
        expect((await sweep(store, quiet, at('2026-12-02T18:59:00Z'))).reminders).toBe(0);
        expect((await sweep(store, quiet, at('2026-12-02T19:00:00Z'))).reminders).toBe(1);
        expect((await reminders()).map((r) => [r.status, JSON.parse(r.payload).date])).toEqual([
          ['cancelled', '2026-12-02'],
          ['pending', '2026-12-03'],
        ]);
      } finally {
        await other.close();
      }
    });
  });
});
