import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, CalendarDate, Workload, WorkloadCode } from '../../src/domain/index.js';
import { loadWorkloadRowPostgres } from '../../src/store/change-esd-postgres.js';
import type { CloudEvent } from '../../src/store/events.js';
import { contextOf, Store, type StoreOptions } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// Issue 17: the event feed. Each change writes its event in its own transaction; positions follow
// commit order, so a consumer reading while changes are written misses nothing and sees nothing
// twice.

const NOW = new Date('2026-11-22T12:00:00.000Z');
const TODAY = '2026-11-22' as CalendarDate;
const alex: Actor = {
  name: 'Alex Wilber',
  upn: 'AlexW@example.com',
  aadObjectId: 'aad-alex',
  roles: [],
};
const fmChannel = {
  type: 'fm' as const,
  fm: { upn: 'alexw@example.com', aadObjectId: 'aad-alex' },
};
const CODES: WorkloadCode[] = ['EXO', 'TEAMS', 'SPO', 'OD', 'OLM'];
const reason = 'Customer agreed the kickoff on this day.';
const TRICKY_REASON = 'He said "\\"changeId\\":0," and \\u0000changeId\\u0000 — ok 日本';
const gatewayActor: Actor = {
  name: 'Megan "M" Bowen',
  upn: 'MeganB@example.com',
  aadObjectId: 'aad-megan',
  roles: ['gateway'],
};

describe.each(engines)('event feed on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  const stores: Store[] = [];

  async function open(options: StoreOptions = {}) {
    const opened = await Store.open(database.target, { now: () => NOW, ...options });
    stores.push(opened);
    return opened;
  }

  async function tenantWith(id: string, codes = CODES): Promise<Workload[]> {
    return store.registerTenant(
      { id, name: `${id}.onmicrosoft.com`, customerName: id },
      codes.map((code) => ({ code, l1Status: 'in_progress' as const, channel: fmChannel })),
    );
  }

  const change = (s: Store, workload: Workload, date: string) =>
    s.changeEngagementStartDate({
      workloadId: workload.id,
      expectedVersion: workload.version,
      actor: alex,
      proposal: { kind: 'date', date, basis: 'kickoff_meeting' },
      reason,
      source: 'teams',
      today: TODAY,
    });

  /** A past date (the i-th of November), then no response (R7): two events, two transactions. */
  async function changeThenNoResponse(s: Store, w: Workload, i: number) {
    const changed = await change(s, w, `2026-11-${String((i % 20) + 1).padStart(2, '0')}`);
    if (changed.status !== 'changed') throw new Error(changed.status);
    const recorded = await s.recordNoResponse({
      workloadId: w.id,
      actor: alex,
      kind: 'no_answer',
      today: TODAY,
    });
    if (recorded.status !== 'recorded') throw new Error(recorded.status);
  }

  async function readAll(s: Store, after = 0, limit = 1000) {
    const page = await s.readEvents(after, limit);
    if (page.status !== 'ok') throw new Error('expired');
    return page;
  }

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await open();
  });

  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await database.drop();
  });

  it('an ESD change writes one CloudEvents 1.0 event with old, new, basis, estimate, reason, who, source', async () => {
    const [exo] = (await tenantWith('tenant-a', ['EXO'])) as [Workload];
    const first = await change(store, exo, '2027-01-10');
    if (first.status !== 'changed') throw new Error(first.status);
    await change(store, first.workload, '2027-01-20');
    const page = await readAll(store);
    expect(page.events).toHaveLength(2);
    const [one, two] = page.events as [CloudEvent, CloudEvent];
    expect(one).toMatchObject({
      specversion: '1.0',
      type: 'esdbot.esd.changed',
      source: '/esd-bot/tenants/tenant-a',
      subject: exo.id,
      time: NOW.toISOString(),
      datacontenttype: 'application/json',
      data: {
        workloadId: exo.id,
        tenantId: 'tenant-a',
        workload: 'EXO',
        old: null,
        new: { date: '2027-01-10', estimate: false },
        basis: 'kickoff_meeting',
        reason,
        role: 'fm',
        source: 'teams',
        actor: { name: 'Alex Wilber', upn: 'alexw@example.com' },
        version: exo.version + 1,
      },
    });
    expect(two.data).toMatchObject({ old: { date: '2027-01-10', estimate: false } });
    expect(one.id).not.toBe(two.id);
    expect(one.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(two.sequence > one.sequence).toBe(true);
    expect(page.next).toBe(String(Number(two.sequence)));
    // Nothing after the last cursor; the cursor stays where it was.
    const after = await readAll(store, Number(page.next));
    expect(after.events).toEqual([]);
    expect(after.next).toBe(page.next);
  });

  it('a refused or conflicting change writes no event', async () => {
    const [exo] = (await tenantWith('tenant-a', ['EXO'])) as [Workload];
    expect((await change(store, exo, '1999-01-01')).status).toBe('rejected');
    expect((await change(store, { ...exo, version: exo.version + 5 }, '2027-01-10')).status).toBe(
      'conflict',
    );
    expect((await readAll(store)).events).toEqual([]);
  });

  it('no response, handoff received and handoff acknowledged are events too', async () => {
    const [exo] = (await tenantWith('tenant-a', ['EXO'])) as [Workload];
    const changed = await change(store, exo, '2026-11-20');
    if (changed.status !== 'changed') throw new Error(changed.status);
    const noAnswer = await store.recordNoResponse({
      workloadId: exo.id,
      actor: alex,
      kind: 'inactive',
      today: TODAY,
    });
    expect(noAnswer.status).toBe('recorded');
    const handoff = await store.recordHandoff(
      {
        handoffId: 'H-1',
        tenant: { id: 'tenant-b', name: 'b.onmicrosoft.com', customerName: 'B Ltd' },
        channel: fmChannel,
        workloads: [
          {
            code: 'EXO',
            l1Status: 'in_progress',
            engagementStartDate: '2027-02-01' as CalendarDate,
          },
          // Not In Progress: no date needed (R1); a new customer's In Progress one needs it (R3).
          { code: 'SPO', l1Status: 'blocked', engagementStartDate: null },
        ],
        enteredBy: { upn: 'adelev@example.com', name: 'Adele Vance' },
        notes: null,
      },
      'hash',
      'signature',
    );
    expect(handoff.status).toBe('created');
    expect((await store.acknowledgeHandoff('H-1', NOW)).status).toBe('acknowledged');
    expect((await store.acknowledgeHandoff('H-1', NOW)).status).toBe('already');
    const types = (await readAll(store)).events.map((e) => e.type);
    expect(types).toEqual([
      'esdbot.esd.changed',
      'esdbot.no_response.recorded',
      'esdbot.esd.changed',
      'esdbot.handoff.received',
      'esdbot.handoff.acknowledged',
    ]);
    const events = (await readAll(store)).events;
    expect(events[1]?.data).toMatchObject({ kind: 'inactive', workloadId: exo.id });
    expect(events[2]?.data).toMatchObject({ source: 'gateway', role: 'gateway' });
    expect(events[3]).toMatchObject({ subject: 'H-1', data: { handoffId: 'H-1' } });
    // A handoff that is refused (a date in the past) rolls back its events with everything else.
    const refused = await store.recordHandoff(
      {
        handoffId: 'H-2',
        tenant: { id: 'tenant-c', name: 'c.onmicrosoft.com', customerName: 'C Ltd' },
        channel: fmChannel,
        workloads: [
          {
            code: 'EXO',
            l1Status: 'in_progress',
            engagementStartDate: '2027-02-01' as CalendarDate,
          },
          { code: 'SPO', l1Status: 'blocked', engagementStartDate: '2027-02-01' as CalendarDate },
        ],
        enteredBy: { upn: 'adelev@example.com', name: 'Adele Vance' },
        notes: null,
      },
      'hash2',
      'signature2',
    );
    expect(refused.status).toBe('rejected');
    expect((await readAll(store)).events).toHaveLength(5);
  });

  for (const step of ['history', 'event'] as const) {
    it(`a change that rolls back after its ${step} leaves no event (and no change)`, async () => {
      const [exo] = (await tenantWith('tenant-a', ['EXO'])) as [Workload];
      const failing = await open({
        afterStatement: (name) => {
          if (name === step) throw new Error(`crash after ${step}`);
        },
      });
      await expect(change(failing, exo, '2027-01-10')).rejects.toThrow(`crash after ${step}`);
      expect((await readAll(store)).events).toEqual([]);
      expect((await store.getWorkload(exo.id))?.workload.esd).toBeNull();
      const unpositioned = await contextOf(store).db.selectFrom('events').select('id').execute();
      expect(unpositioned).toEqual([]);
      // The next change gets the first position: nothing was taken by the rolled-back one.
      await change(store, exo, '2027-01-11');
      expect((await readAll(store)).events.map((e) => e.sequence)).toEqual(['0000000000000001']);
    });
  }

  it('a consumer stopped mid-way and resumed sees every event of 50 concurrent changes once, in order per workload', async () => {
    const workloads: Workload[] = [];
    for (let t = 0; t < 10; t++) workloads.push(...(await tenantWith(`tenant-${t}`)));
    expect(workloads).toHaveLength(50);
    // Two writers (two pools) on PostgreSQL, so that commits really interleave. SQLite has one
    // writer per file; its concurrent changes share group commits (src/store/write-transaction.ts).
    const other = engine === 'postgres' ? await open() : store;
    let writing = true;
    // Each of the 50 workloads is changed twice, in order; the 50 chains run at once.
    const writes = Promise.all(
      workloads.map(async (w, i) => {
        const s = i % 2 === 0 ? store : other;
        const first = await change(s, w, `2027-01-${String((i % 28) + 1).padStart(2, '0')}`);
        if (first.status !== 'changed') throw new Error(first.status);
        const second = await change(
          s,
          first.workload,
          `2027-02-${String((i % 28) + 1).padStart(2, '0')}`,
        );
        if (second.status !== 'changed') throw new Error(second.status);
      }),
    ).finally(() => {
      writing = false;
    });

    const seen: CloudEvent[] = [];
    // The first consumer reads small pages while the writes go on, then stops with its cursor.
    let cursor = 0;
    for (let pages = 0; pages < 6; pages++) {
      const page = await readAll(store, cursor, 7);
      seen.push(...page.events);
      cursor = Number(page.next);
      await new Promise((r) => setImmediate(r));
    }
    const saved = String(cursor);
    // A new consumer (another store, as after a restart) resumes from the saved cursor.
    const resumed = await open();
    cursor = Number(saved);
    for (;;) {
      const done = !writing;
      const page = await readAll(resumed, cursor, 7);
      seen.push(...page.events);
      cursor = Number(page.next);
      if (done && !page.more && page.events.length === 0) break;
      await new Promise((r) => setImmediate(r));
    }
    await writes;

    expect(seen).toHaveLength(100);
    expect(new Set(seen.map((e) => e.id)).size).toBe(100);
    const sequences = seen.map((e) => e.sequence);
    expect([...sequences].sort()).toEqual(sequences);
    for (const w of workloads) {
      const own = seen.filter((e) => e.subject === w.id).map((e) => e.data.version);
      expect(own).toEqual([w.version + 1, w.version + 2]);
    }
  });

  it('a type filter: the cursor moves past skipped events, so a filtered consumer neither loops nor misses one', async () => {
    const [exo, teams] = (await tenantWith('tenant-a', ['EXO', 'TEAMS'])) as [Workload, Workload];
    const noResponse = 'esdbot.no_response.recorded';
    const readFiltered = async (after: number, limit: number) => {
      const page = await store.readEvents(after, limit, [noResponse]);
      if (page.status !== 'ok') throw new Error('expired');
      return page;
    };
    // Nothing of the type yet: the cursor still moves to the last event read (three skipped).
    const first = await change(store, exo, '2026-11-20');
    const second = await change(store, teams, '2026-11-21');
    if (first.status !== 'changed' || second.status !== 'changed') throw new Error('not changed');
    await change(store, first.workload, '2026-11-19');
    const empty = await readFiltered(0, 10);
    expect(empty).toEqual({ status: 'ok', events: [], next: '3', more: false });
    // R7: no response recorded on both, with other changes around them.
    await store.recordNoResponse({
      workloadId: exo.id,
      actor: alex,
      kind: 'inactive',
      today: TODAY,
    });
    await change(store, second.workload, '2026-11-18');
    await store.recordNoResponse({
      workloadId: teams.id,
      actor: alex,
      kind: 'no_answer',
      today: TODAY,
    });
    await change(store, (await store.getWorkload(teams.id))?.workload as Workload, '2026-11-17');
    // One at a time: a full page's cursor is its event, the last page's the head (7).
    const one = await readFiltered(3, 1);
    expect(one.events.map((e) => [e.subject, Number(e.sequence)])).toEqual([[exo.id, 4]]);
    expect(one).toMatchObject({ next: '4', more: true });
    const two = await readFiltered(4, 1);
    expect(two.events.map((e) => [e.subject, Number(e.sequence)])).toEqual([[teams.id, 6]]);
    expect(two).toMatchObject({ next: '7', more: false });
    expect(await readFiltered(7, 1)).toEqual({ status: 'ok', events: [], next: '7', more: false });
    // The unfiltered feed is unchanged: every event, its cursor the last one returned.
    expect((await readAll(store, 0, 1000)).events.map((e) => Number(e.sequence))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('a filtered consumer whose type is rare is not expired by retention deleting what it skipped', async () => {
    const [exo, teams] = (await tenantWith('tenant-a', ['EXO', 'TEAMS'])) as [Workload, Workload];
    await change(store, exo, '2027-01-10');
    const types = ['esdbot.no_response.recorded'];
    const seen = await store.readEvents(0, 10, types);
    expect(seen).toMatchObject({ events: [], next: '1' });
    const later = await open({ now: () => new Date(NOW.getTime() + 40 * 86_400_000) });
    await change(later, teams, '2027-03-10');
    expect(
      (await later.purgeExpired({ botStateDays: 90, outboxDays: 90, eventDays: 30 })).events,
    ).toBe(1);
    // Its cursor is past the purged event: still served.
    expect(await later.readEvents(1, 10, types)).toEqual({
      status: 'ok',
      events: [],
      next: '2',
      more: false,
    });
  });

  it('a filtered consumer reading while changes of several types are written sees each matching event once', async () => {
    const workloads: Workload[] = [];
    for (let t = 0; t < 4; t++) workloads.push(...(await tenantWith(`tenant-${t}`)));
    const other = engine === 'postgres' ? await open() : store;
    const types = ['esdbot.no_response.recorded'];
    let writing = true;
    // Each workload: a past date, then no response (R7); 20 chains at once, on two pools.
    const writes = Promise.all(
      workloads.map((w, i) => changeThenNoResponse(i % 2 === 0 ? store : other, w, i)),
    ).finally(() => {
      writing = false;
    });
    const seen: CloudEvent[] = [];
    let cursor = 0;
    for (;;) {
      const done = !writing;
      const page = await store.readEvents(cursor, 3, types);
      if (page.status !== 'ok') throw new Error('expired');
      seen.push(...page.events);
      expect(Number(page.next)).toBeGreaterThanOrEqual(cursor);
      cursor = Number(page.next);
      if (done && !page.more && page.events.length === 0) break;
      await new Promise((r) => setImmediate(r));
    }
    await writes;
    expect(seen.map((e) => e.type).every((t) => t === types[0])).toBe(true);
    expect(seen.map((e) => e.subject).sort()).toEqual(workloads.map((w) => w.id).sort());
    const sequences = seen.map((e) => e.sequence);
    expect([...sequences].sort()).toEqual(sequences);
    // The cursor ends at the head of the feed: 20 changes and 20 answers.
    expect(cursor).toBe(40);
  });

  // Issue 20: on SQLite a date change numbers its event as it inserts it; other writes leave
  // theirs to positionEvents. Mixed in the same group commits, every event still gets one position.
  it('concurrent date changes and other events take every position once, 1 to n', async () => {
    const workloads: Workload[] = [];
    for (let t = 0; t < 3; t++) workloads.push(...(await tenantWith(`tenant-${t}`)));
    await Promise.all(workloads.map((w, i) => changeThenNoResponse(store, w, i)));
    // PostgreSQL numbers events when the feed is read (src/store/event-positioner.ts).
    await readAll(store);
    const rows = await contextOf(store).db.selectFrom('events').select('position').execute();
    const positions = rows.map((r) => Number(r.position)).sort((a, b) => a - b);
    expect(positions).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(2 * workloads.length);
  });

  // Issue 20: on PostgreSQL the event is written by the one prepared write statement, its data's
  // changeId filled in by SQL: the stored text must be what JSON.stringify writes, as on SQLite.
  it('R8: data is JSON.stringify text with the history row id; positions follow the changes', async () => {
    const workloads = await store.registerTenant(
      { id: 'tenant-a', name: 'a.onmicrosoft.com', customerName: 'A' },
      [
        { code: 'EXO', l1Status: 'in_progress', channel: fmChannel },
        { code: 'SPO', l1Status: 'in_progress', channel: fmChannel },
      ],
    );
    const changes: { id: number; reason: string }[] = [];
    for (const w of workloads as Workload[]) {
      const result = await store.changeEngagementStartDate({
        workloadId: w.id,
        expectedVersion: w.version,
        actor: gatewayActor,
        proposal: { kind: 'date', date: '2027-01-10', basis: 'kickoff_meeting' },
        reason: TRICKY_REASON,
        source: 'teams',
        today: TODAY,
      });
      if (result.status !== 'changed') throw new Error(JSON.stringify(result));
      changes.push({ id: result.change.id, reason: result.change.reason });
    }
    // PostgreSQL numbers events when the feed is read (src/store/event-positioner.ts).
    await readAll(store);
    const rows = await contextOf(store)
      .db.selectFrom('events')
      .select(['position', 'data', 'subject'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => Number(r.position))).toEqual([1, 2]);
    rows.forEach((row, i) => {
      const data = JSON.parse(row.data);
      expect(row.data).toBe(JSON.stringify(data));
      // The reason as the history row keeps it (the rules tidy what was typed).
      expect({ changeId: data.changeId, reason: data.reason }).toEqual({
        changeId: changes[i]?.id,
        reason: changes[i]?.reason,
      });
      expect(data.reason).toContain('\\u0000changeId');
      expect(row.subject).toBe(workloads[i]?.id);
    });
  });

  it.runIf(engine === 'postgres')(
    'the prepared load (named columns) reads the same row as select *',
    async () => {
      const [w] = await store.registerTenant(
        { id: 'tenant-b', name: 'b.onmicrosoft.com', customerName: 'B' },
        [{ code: 'EXO', l1Status: 'in_progress', channel: fmChannel }],
      );
      const db = contextOf(store).db;
      const all = await db
        .selectFrom('workloads')
        .selectAll()
        .where('id', '=', w?.id as string)
        .executeTakeFirst();
      const loaded = await db
        .transaction()
        .execute((trx) => loadWorkloadRowPostgres(trx, w?.id as string));
      expect(loaded).toEqual(all);
    },
  );

  it('retention deletes old events; a cursor from before them is expired, one after them works', async () => {
    const [exo, teams] = (await tenantWith('tenant-a', ['EXO', 'TEAMS'])) as [Workload, Workload];
    await change(store, exo, '2027-01-10');
    const later = await open({ now: () => new Date(NOW.getTime() + 40 * 86_400_000) });
    await change(later, teams, '2027-03-10');
    const purged = await later.purgeExpired({ botStateDays: 90, outboxDays: 90, eventDays: 30 });
    expect(purged.events).toBe(1);
    expect(await later.readEvents(0, 10)).toEqual({ status: 'expired', oldest: '1' });
    const page = await readAll(later, 1);
    expect(page.events.map((e) => e.subject)).toEqual([teams.id]);
  });
});

describe.each(engines.filter((e) => e === 'postgres'))('event positions on %s', (engine) => {
  it('follow commit order: an event committed late is not skipped by a consumer already past a later one', async () => {
    const database = await createTestDatabase(engine);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let reached: () => void = () => {};
    const atEvent = new Promise<void>((r) => {
      reached = r;
    });
    const slow = await Store.open(database.target, {
      now: () => NOW,
      afterStatement: async (name) => {
        if (name !== 'event') return;
        reached();
        await held;
      },
    });
    const fast = await Store.open(database.target, { now: () => NOW });
    try {
      const [exo, teams] = await fast.registerTenant(
        { id: 't', name: 't.onmicrosoft.com', customerName: 'T' },
        [
          { code: 'EXO', l1Status: 'in_progress', channel: fmChannel },
          { code: 'TEAMS', l1Status: 'in_progress', channel: fmChannel },
        ],
      );
      const changeOf = (s: Store, w: Workload | undefined) =>
        s.changeEngagementStartDate({
          workloadId: w?.id as string,
          expectedVersion: w?.version as number,
          actor: alex,
          proposal: { kind: 'date', date: '2027-01-10', basis: 'kickoff_meeting' },
          reason,
          source: 'teams',
          today: TODAY,
        });
      // The slow change has written its event and waits before its commit...
      const slowChange = changeOf(slow, exo);
      await atEvent;
      // ...while another change commits and a consumer reads it.
      expect((await changeOf(fast, teams)).status).toBe('changed');
      const first = await fast.readEvents(0, 10);
      if (first.status !== 'ok') throw new Error('expired');
      expect(first.events.map((e) => e.subject)).toEqual([teams?.id]);
      release();
      expect((await slowChange).status).toBe('changed');
      // The consumer asks from its cursor and gets the late one: it follows, never precedes.
      const next = await fast.readEvents(Number(first.next), 10);
      if (next.status !== 'ok') throw new Error('expired');
      expect(next.events.map((e) => e.subject)).toEqual([exo?.id]);
    } finally {
      release();
      await slow.close();
      await fast.close();
      await database.drop();
    }
  });
});
