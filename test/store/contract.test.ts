import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, CalendarDate, Workload } from '../../src/domain/index.js';
import { DEMO_FM, DEMO_TENANTS } from '../../src/store/demo-data.js';
import { StateConflictError } from '../../src/store/state.js';
import { contextOf, Store, type StoreOptions } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const TODAY = '2026-11-22' as CalendarDate;

const alex: Actor = {
  name: 'Alex Wilber',
  upn: 'alexw@example.com',
  aadObjectId: 'aad-alex',
  roles: [],
};
const megan: Actor = {
  name: 'Megan Bowen',
  upn: 'meganb@example.com',
  aadObjectId: 'aad-megan',
  roles: [],
};
const gateway: Actor = { name: 'Adele Vance', upn: 'adelev@example.com', roles: ['gateway'] };
const tenant = {
  id: 'tenant-contoso',
  name: 'contoso.onmicrosoft.com',
  customerName: 'Contoso Ltd',
};
const fmChannel = {
  type: 'fm' as const,
  fm: { upn: 'AlexW@example.com', aadObjectId: 'AAD-ALEX' },
};

const reason = 'Customer asked to move the kickoff to next week.';

describe.each(engines)('store contract on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let exo: Workload;
  let teams: Workload;
  let blocked: Workload;

  async function open(options: StoreOptions = {}) {
    return Store.open(database.target, { now: () => NOW, ...options });
  }

  async function count(table: 'esd_changes' | 'status_notes' | 'outbox') {
    const row = await contextOf(store)
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const change = (
    workload: Workload,
    date: string,
    extra: Partial<Parameters<Store['changeEngagementStartDate']>[0]> = {},
  ) =>
    store.changeEngagementStartDate({
      workloadId: workload.id,
      expectedVersion: workload.version,
      actor: alex,
      proposal: { kind: 'date', date, basis: 'kickoff_meeting' },
      reason,
      source: 'teams',
      today: TODAY,
      ...extra,
    });

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await open();
    [exo, teams, blocked] = (await store.registerTenant(tenant, [
      { code: 'EXO', l1Status: 'in_progress', channel: fmChannel },
      { code: 'TEAMS', l1Status: 'in_progress', channel: fmChannel },
      { code: 'SPO', l1Status: 'blocked', channel: fmChannel },
    ])) as [Workload, Workload, Workload];
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('migrates idempotently: a second open on the same database keeps the data', async () => {
    const again = await open();
    expect(await again.tenantWorkloads(tenant.id)).toHaveLength(3);
    await again.close();
  });

  it('reads a tenant with its workloads in one go, as the two reads give them', async () => {
    await change(exo, '2026-12-01');
    expect(await store.tenantWithWorkloads(tenant.id)).toEqual({
      tenant: await store.getTenant(tenant.id),
      workloads: await store.tenantWorkloads(tenant.id),
    });
    const empty = { id: 'tenant-empty', name: 'empty.onmicrosoft.com', customerName: 'Empty' };
    await store.registerTenant(empty, []);
    expect(await store.tenantWithWorkloads(empty.id)).toEqual({ tenant: empty, workloads: [] });
    expect(await store.tenantWithWorkloads('tenant-unknown')).toBeNull();
  });

  it('writes the date, the history row and the Overall Status Note together (R8)', async () => {
    const result = await change(exo, '2026-12-01');
    expect(result.status).toBe('changed');
    if (result.status !== 'changed') return;
    expect(result.workload.esd).toEqual({ date: '2026-12-01', estimate: false });
    expect(result.workload.version).toBe(exo.version + 1);
    expect(result.change).toMatchObject({
      old: null,
      new: { date: '2026-12-01', estimate: false },
      basis: 'kickoff_meeting',
      role: 'fm',
      source: 'teams',
      reason,
      actorUpn: 'alexw@example.com',
      changedAt: NOW.toISOString(),
    });
    expect(result.note.text).toContain(reason);
    expect(result.note.category).toBe('overall_status');

    const stored = (await store.getWorkload(exo.id))?.workload;
    expect(stored?.esd).toEqual({ date: '2026-12-01', estimate: false });
    expect(stored?.basis).toBe('kickoff_meeting');
    expect(await store.workloadHistory(exo.id)).toEqual([result.change]);
    expect((await store.statusNotes(tenant.id)).map((n) => n.text)).toEqual([result.note.text]);
  });

  it('keeps every change in the history, newest first, with old and new values', async () => {
    const first = await change(exo, '2026-12-01');
    if (first.status !== 'changed') throw new Error('first change failed');
    const second = await change(first.workload, '2026-12-08', {
      reason: 'Customer rescheduled the first call.',
    });
    expect(second.status).toBe('changed');
    const history = await store.workloadHistory(exo.id);
    expect(history.map((h) => [h.old?.date ?? null, h.new.date])).toEqual([
      ['2026-12-01', '2026-12-08'],
      [null, '2026-12-01'],
    ]);
    // The tenant's history: every workload's changes, newest first.
    const other = await change(teams, '2026-12-10');
    if (other.status !== 'changed' || second.status !== 'changed') throw new Error('change failed');
    expect((await store.tenantHistory(tenant.id)).map((h) => h.id)).toEqual([
      other.change.id,
      second.change.id,
      first.change.id,
    ]);
  });

  it('R9: a month-only estimate is stored as the first of the month, flagged', async () => {
    const result = await change(exo, '', { proposal: { kind: 'month', month: '2027-02' } });
    expect(result.status).toBe('changed');
    const stored = (await store.getWorkload(exo.id))?.workload;
    expect(stored?.esd).toEqual({ date: '2027-02-01', estimate: true });
    expect(stored?.basis).toBe('estimated');
  });

  it('R1: a rejected change writes nothing and says why', async () => {
    const result = await change(blocked, '2026-12-01');
    expect(result).toMatchObject({ status: 'rejected', code: 'status_ineligible' });
    expect(await count('esd_changes')).toBe(0);
    expect(await count('status_notes')).toBe(0);
    expect((await store.getWorkload(blocked.id))?.workload).toEqual(blocked);
  });

  it('R2: changing one workload leaves its siblings untouched', async () => {
    await change(exo, '2026-12-01');
    expect((await store.getWorkload(teams.id))?.workload).toEqual(teams);
  });

  it('a stale version is a conflict that reports the current value, never an overwrite', async () => {
    const first = await change(exo, '2026-12-01');
    expect(first.status).toBe('changed');
    const stale = await change(exo, '2026-12-15');
    expect(stale.status).toBe('conflict');
    if (stale.status !== 'conflict') return;
    expect(stale.current.esd?.date).toBe('2026-12-01');
    expect(stale.current.version).toBe(exo.version + 1);
    expect(await count('esd_changes')).toBe(1);
  });

  it('20 concurrent changes from one version: exactly one wins, 19 conflicts, one history row', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        change(exo, `2026-12-${String(i + 1).padStart(2, '0')}`),
      ),
    );
    const won = results.filter((r) => r.status === 'changed');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(19);
    const history = await store.workloadHistory(exo.id);
    expect(history).toHaveLength(1);
    expect(await count('status_notes')).toBe(1);
    const winner = won[0];
    if (winner?.status !== 'changed') throw new Error('no winner');
    expect(history[0]?.new.date).toBe(winner.change.new.date);
    expect((await store.getWorkload(exo.id))?.workload.esd?.date).toBe(winner.change.new.date);
  });

  /** A Gateway change of EXO through `s` fails with `error`, and nothing of it is written. */
  async function failsWritingNothing(s: Store, error: RegExp) {
    await expect(
      s.changeEngagementStartDate({
        workloadId: exo.id,
        expectedVersion: exo.version,
        actor: gateway,
        proposal: { kind: 'date', date: '2026-12-01', basis: 'planned' },
        reason,
        source: 'gateway',
        today: TODAY,
      }),
    ).rejects.toThrow(error);
    expect((await store.getWorkload(exo.id))?.workload).toEqual(exo);
    expect(await count('esd_changes')).toBe(0);
    expect(await count('status_notes')).toBe(0);
    expect(await count('outbox')).toBe(0);
  }

  it.each(['workload', 'note', 'history', 'outbox'])(
    'a crash after the %s statement leaves nothing half-written',
    async (failAt) => {
      const faulty = await open({
        afterStatement: (step) => {
          if (step === failAt) throw new Error(`simulated crash after ${step}`);
        },
      });
      await failsWritingNothing(faulty, /simulated crash/);
      await faulty.close();
    },
  );

  // Issue 20: without the test seam a PostgreSQL change is the load and ONE autocommit statement;
  // a failure inside that statement (here its last part, the event) leaves nothing of it written.
  it.runIf(engine === 'postgres')(
    'a failure inside the one write statement leaves nothing half-written',
    async () => {
      const db = contextOf(store).db;
      await sql`create function fail_event() returns trigger language plpgsql as
        $$ begin raise exception 'simulated failure inside the statement'; end $$`.execute(db);
      await sql`create trigger fail_event before insert on events
        for each row execute function fail_event()`.execute(db);
      await failsWritingNothing(store, /simulated failure/);
    },
  );

  it('R8: concurrent changes commit together, each all or nothing: one failing piece is rolled back alone', async () => {
    // Ten writers at once: on SQLite they share commits (group commit), on PostgreSQL the pool runs them.
    // The third change to reach its history row fails there.
    const failNext = [false, false, true];
    const faulty = await open({
      afterStatement: (step) => {
        if (step === 'history' && failNext.shift()) throw new Error('simulated failure');
      },
    });
    const extra = await faulty.registerTenant(
      { ...tenant, id: 'tenant-fabrikam', name: 'fabrikam' },
      [
        ...(['EXO', 'TEAMS', 'OD', 'INTUNE', 'M365APPS', 'PBI', 'WIN'] as const).map((code) => ({
          code,
          l1Status: 'in_progress' as const,
          channel: fmChannel,
        })),
      ],
    );
    const targets = [exo, teams, ...extra, exo];
    const results = await Promise.allSettled(
      targets.map((w, i) =>
        faulty.changeEngagementStartDate({
          workloadId: w.id,
          expectedVersion: w.version,
          actor: alex,
          proposal: {
            kind: 'date',
            date: `2026-12-${String(i + 1).padStart(2, '0')}`,
            basis: 'kickoff_meeting',
          },
          reason,
          source: 'teams',
          today: TODAY,
        }),
      ),
    );
    await faulty.close();
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    const settled = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.status] : []));
    // exo twice from one version: one of the two is a conflict, unless the failing one was exo's first.
    const changed = settled.filter((s) => s === 'changed').length;
    expect(changed + settled.filter((s) => s === 'conflict').length).toBe(targets.length - 1);
    expect(await count('esd_changes')).toBe(changed);
    expect(await count('status_notes')).toBe(changed);
    for (const [i, result] of results.entries()) {
      const w = targets[i] as Workload;
      const now = (await store.getWorkload(w.id))?.workload;
      if (result.status === 'fulfilled' && result.value.status === 'changed')
        expect(now?.esd?.date).toBe(result.value.change.new.date);
      if (result.status === 'rejected' && w.id !== exo.id) expect(now).toEqual(w);
    }
  });

  it('tells the assigned FM when someone else moves their date, once per change', async () => {
    const result = await change(exo, '2026-12-01', {
      actor: gateway,
      proposal: { kind: 'date', date: '2026-12-01', basis: 'planned' },
      source: 'gateway',
    });
    expect(result.status).toBe('changed');
    const rows = await contextOf(store).db.selectFrom('outbox').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'esd_changed_by_other',
      recipient_upn: 'alexw@example.com',
      recipient_aad_object_id: 'aad-alex',
      status: 'pending',
      workload_id: exo.id,
    });
    // The FM's own change does not notify the FM.
    if (result.status === 'changed') await change(result.workload, '2026-12-02');
    expect(await count('outbox')).toBe(1);
  });

  it('a date change cancels a reminder queued for the old date', async () => {
    await contextOf(store)
      .db.insertInto('outbox')
      .values({
        kind: 'reminder',
        dedupe_key: `reminder:${exo.id}:2026-11-30`,
        workload_id: exo.id,
        recipient_aad_object_id: 'aad-alex',
        recipient_upn: 'alexw@example.com',
        payload: '{}',
        status: 'pending',
        due_at: '2026-11-30T09:00:00.000Z',
        attempts: 0,
        created_at: NOW.toISOString(),
      })
      .execute();
    await change(exo, '2026-12-01');
    const row = await contextOf(store)
      .db.selectFrom('outbox')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });

  it('R7: a no-response note leaves the date and the version alone', async () => {
    const set = await change(exo, '2026-12-01');
    if (set.status !== 'changed') throw new Error('setup failed');
    const result = await store.recordNoResponse({
      workloadId: exo.id,
      actor: alex,
      kind: 'no_answer',
    });
    expect(result.status).toBe('recorded');
    const after = (await store.getWorkload(exo.id))?.workload;
    expect(after).toEqual(set.workload);
    expect(await count('esd_changes')).toBe(1);
    expect(await count('status_notes')).toBe(2);
    const stranger = await store.recordNoResponse({
      workloadId: exo.id,
      actor: megan,
      kind: 'inactive',
    });
    expect(stranger).toMatchObject({ status: 'rejected', code: 'not_permitted' });
    expect(await count('status_notes')).toBe(2);
  });

  it('finds an FM’s workloads by AAD object id or by UPN, soonest first, undated last (R3)', async () => {
    await change(teams, '2026-12-10');
    await change(exo, '2026-12-03');
    const byAad = await store.workloadsAssignedTo({ aadObjectId: 'aad-alex' });
    expect(byAad.map((w) => w.workload.code)).toEqual(['EXO', 'TEAMS', 'SPO']);
    const byUpn = await store.workloadsAssignedTo({ upn: 'ALEXW@example.com' });
    expect(byUpn).toHaveLength(3);
    expect(
      await store.workloadsAssignedTo({ aadObjectId: 'aad-megan', upn: 'meganb@example.com' }),
    ).toEqual([]);
    const upcoming = await store.upcomingFor(
      { aadObjectId: 'aad-alex' },
      TODAY,
      '2026-12-05' as CalendarDate,
    );
    expect(upcoming.map((w) => w.workload.code)).toEqual(['EXO']);
  });

  it('refuses a change of an unknown workload', async () => {
    const result = await store.changeEngagementStartDate({
      workloadId: 'nope',
      expectedVersion: 1,
      actor: alex,
      proposal: { kind: 'date', date: '2026-12-01', basis: 'planned' },
      reason,
      source: 'teams',
      today: TODAY,
    });
    expect(result.status).toBe('not_found');
  });

  it('loads granted roles and partner names for the rules module', async () => {
    await store.grantRole({ upn: 'AdeleV@example.com', role: 'gateway', grantedBy: 'test' });
    await store.grantRole({ upn: 'adelev@example.com', role: 'gateway', grantedBy: 'test' });
    await store.setPartner('frp@adatum.example', 'Adatum Consulting', 'test');
    expect(await store.loadActor({ upn: 'adelev@example.com', name: 'Adele' })).toMatchObject({
      roles: ['gateway'],
    });
    expect(await store.loadActor({ upn: 'frp@adatum.example', name: 'P' })).toMatchObject({
      roles: [],
      partnerName: 'Adatum Consulting',
    });
    expect(await store.revokeRole('adelev@example.com', 'gateway')).toBe(true);
    expect((await store.loadActor({ upn: 'adelev@example.com', name: 'Adele' })).roles).toEqual([]);
  });

  it('loads the actor and the reachability flag in one read, as the two reads give them', async () => {
    await store.grantRole({ upn: 'adelev@example.com', role: 'gateway', grantedBy: 'test' });
    await store.grantRole({ upn: 'adelev@example.com', role: 'manager', grantedBy: 'test' });
    await store.upsertPerson({
      aadObjectId: 'AAD-ADELE',
      name: 'Adele',
      upn: 'adelev@example.com',
    });
    await store.upsertPerson({
      aadObjectId: 'aad-megan',
      name: 'Megan',
      upn: 'meganb@example.com',
    });
    await store.markUnreachable('aad-megan');
    const both = async (identity: { aadObjectId: string | null; upn: string | null }) => {
      const asked = { ...identity, name: 'N' };
      const { actor, reachable } = await store.loadActorAndReachability(asked);
      const alone = await store.loadActor(asked);
      expect({ ...actor, roles: [...actor.roles].sort() }).toEqual({
        ...alone,
        roles: [...alone.roles].sort(),
      });
      if (identity.aadObjectId)
        expect(reachable).toBe(await store.isReachable(identity.aadObjectId));
      return { roles: actor.roles.length, reachable };
    };
    expect(await both({ aadObjectId: 'Aad-Adele', upn: 'AdeleV@example.com' })).toEqual({
      roles: 2,
      reachable: true,
    });
    expect(await both({ aadObjectId: 'aad-megan', upn: 'meganb@example.com' })).toEqual({
      roles: 0,
      reachable: false,
    });
    expect(await both({ aadObjectId: 'aad-nobody', upn: null })).toEqual({
      roles: 0,
      reachable: false,
    });
    expect(await both({ aadObjectId: null, upn: 'adelev@example.com' })).toEqual({
      roles: 2,
      reachable: false,
    });
  });

  it('reads a dialog state item with the actor, as readState gives it, however many grants', async () => {
    await store.grantRole({ upn: 'adelev@example.com', role: 'gateway', grantedBy: 'test' });
    await store.grantRole({ upn: 'adelev@example.com', role: 'manager', grantedBy: 'test' });
    await store.upsertPerson({
      aadObjectId: 'aad-adele',
      name: 'Adele',
      upn: 'adelev@example.com',
    });
    const data = { dialogState: { dialogStack: [{ id: 'x', state: { n: 1, text: 'é "q"' } }] } };
    await store.writeState([{ key: 'msteams/conversations/a:1/users/29:a/', data }]);
    const asked = async (
      identity: { aadObjectId: string | null; upn: string | null },
      key: string | undefined,
    ) => {
      const read = await store.loadActorAndReachability({ ...identity, name: 'N' }, key);
      const alone = await store.loadActorAndReachability({ ...identity, name: 'N' });
      // The state beside changes nothing else.
      expect({ actor: read.actor, reachable: read.reachable }).toEqual({
        actor: alone.actor,
        reachable: alone.reachable,
      });
      expect(alone.state).toBeNull();
      if (key) expect(read.state).toEqual((await store.readState([key])).get(key) ?? null);
      return { roles: read.actor.roles.length, state: read.state };
    };
    const key = 'msteams/conversations/a:1/users/29:a/';
    const etag = (await store.readState([key])).get(key)?.etag;
    for (const identity of [
      { aadObjectId: 'aad-adele', upn: 'adelev@example.com' },
      { aadObjectId: 'aad-nobody', upn: null },
      { aadObjectId: null, upn: 'adelev@example.com' },
      { aadObjectId: null, upn: null },
    ]) {
      expect((await asked(identity, key)).state).toEqual({ etag, data });
      expect((await asked(identity, 'msteams/conversations/a:1/users/29:other/')).state).toBeNull();
      expect((await asked(identity, undefined)).state).toBeNull();
    }
    expect((await asked({ aadObjectId: 'aad-adele', upn: 'adelev@example.com' }, key)).roles).toBe(
      2,
    );
  });

  it('remembers people and keeps known fields when a later activity lacks them', async () => {
    await store.upsertPerson({
      aadObjectId: 'AAD-X',
      name: 'X',
      upn: 'x@example.com',
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
    });
    await store.upsertPerson({ aadObjectId: 'aad-x', name: 'X Y', locale: null });
    expect(await store.getPerson('aad-x')).toMatchObject({
      name: 'X Y',
      upn: 'x@example.com',
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
      reachable: true,
    });
  });

  describe('state storage with eTags', () => {
    it('reads back what it wrote, with a new eTag per write', async () => {
      const etags = await store.writeState([{ key: 'a', data: { n: 1 } }]);
      const read = await store.readState(['a', 'missing']);
      expect(read.get('a')).toEqual({ etag: etags.get('a'), data: { n: 1 } });
      expect(read.has('missing')).toBe(false);
    });

    it('refuses a write with a stale eTag and accepts the current one', async () => {
      const first = await store.writeState([{ key: 'a', data: { n: 1 } }]);
      await store.writeState([{ key: 'a', data: { n: 2 }, etag: first.get('a') }]);
      await expect(
        store.writeState([{ key: 'a', data: { n: 3 }, etag: first.get('a') }]),
      ).rejects.toBeInstanceOf(StateConflictError);
      expect((await store.readState(['a'])).get('a')?.data).toEqual({ n: 2 });
      await store.writeState([{ key: 'a', data: { n: 4 }, etag: '*' }]);
      expect((await store.readState(['a'])).get('a')?.data).toEqual({ n: 4 });
    });

    it('writes a batch all or nothing', async () => {
      const first = await store.writeState([{ key: 'a', data: 1 }]);
      await store.writeState([{ key: 'a', data: 2, etag: first.get('a') }]);
      await expect(
        store.writeState([
          { key: 'b', data: 'new' },
          { key: 'a', data: 3, etag: first.get('a') },
        ]),
      ).rejects.toBeInstanceOf(StateConflictError);
      expect((await store.readState(['b'])).has('b')).toBe(false);
    });

    it.runIf(engine === 'sqlite')(
      'flushes dialog state lazily, then puts synchronous=FULL back for everything else',
      async () => {
        const synchronous = async () =>
          Number(
            (await sql<{ synchronous: number }>`pragma synchronous`.execute(contextOf(store).db))
              .rows[0]?.synchronous,
          );
        const FULL = 2;
        expect(await synchronous()).toBe(FULL);
        const first = await store.writeState([{ key: 'a', data: 1 }]);
        expect(await synchronous()).toBe(FULL);
        // Also after a refused write, and after a batch.
        await store.writeState([{ key: 'a', data: 2, etag: first.get('a') }]);
        await expect(
          store.writeState([{ key: 'a', data: 3, etag: first.get('a') }]),
        ).rejects.toBeInstanceOf(StateConflictError);
        expect(await synchronous()).toBe(FULL);
        await store.writeState([
          { key: 'b', data: 1 },
          { key: 'c', data: 2 },
        ]);
        expect(await synchronous()).toBe(FULL);
      },
    );

    it('deletes', async () => {
      await store.writeState([{ key: 'a', data: 1 }]);
      await store.deleteState(['a']);
      expect((await store.readState(['a'])).size).toBe(0);
    });
  });

  describe('demo data', () => {
    it('goes through the write path: every date has a history row and a note; R1 respected', async () => {
      const seeded = await store.seedDemoData();
      expect(seeded).toMatchObject({ seeded: true, tenants: DEMO_TENANTS.length });
      for (const demo of DEMO_TENANTS) {
        const workloads = await store.tenantWorkloads(demo.id);
        for (const w of workloads) {
          const history = await store.workloadHistory(w.id);
          if (w.esd) {
            expect(w.l1Status).toBe('in_progress');
            expect(history[0]?.new).toEqual(w.esd);
          } else {
            expect(history).toEqual([]);
          }
        }
      }
      const mine = await store.workloadsAssignedTo({ aadObjectId: DEMO_FM.aadObjectId });
      expect(new Set(mine.map((m) => m.workload.l1Status))).toEqual(
        new Set(['in_progress', 'blocked', 'status_unknown', 'no_intent', 'duplicate_invalid']),
      );
      expect(
        mine.some((m) => m.workload.esd === null && m.workload.l1Status === 'in_progress'),
      ).toBe(true);
      expect(mine.some((m) => m.workload.esd?.estimate)).toBe(true);
      expect(await store.seedDemoData()).toMatchObject({ seeded: false });
    });
  });
});

afterAll(() => {});
