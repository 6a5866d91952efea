import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/bot/adapter.js';
import { parseConfig } from '../../src/config/config.js';
import {
  addDays,
  type CalendarDate,
  calendarDateIn,
  type Workload,
} from '../../src/domain/index.js';
import { createLogger } from '../../src/log/logger.js';
import { registry, trackSubscriptions } from '../../src/metrics/metrics.js';
import { createDelivery, type Delivery } from '../../src/notify/start-delivery.js';
import type { CloudEvent } from '../../src/store/events.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';
import { scaled, until } from '../support/time.js';

// Issue 17, "Push": webhook subscriptions to the event feed, delivered through the outbox. A real
// receiver on 127.0.0.1 verifies each request as docs/api.md ("Push subscriptions") tells a
// receiver to, on a real SQLite file and a real PostgreSQL database.

vi.setConfig({ testTimeout: scaled(60_000), hookTimeout: scaled(60_000) });

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const FAR = 3_600_000;
const alex = { name: 'Alex Wilber', upn: 'AlexW@example.com', aadObjectId: 'aad-alex', roles: [] };
const fmChannel = {
  type: 'fm' as const,
  fm: { upn: 'alexw@example.com', aadObjectId: 'aad-alex' },
};

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** The receiver of docs/api.md: signature over "t.body", 5 minutes of tolerance. */
function verify(secret: string, header: string | undefined, body: string, nowS: number): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > 300 || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A webhook receiver on 127.0.0.1: `answer` decides each response from what came before. */
class Receiver {
  readonly requests: Received[] = [];
  answer: (
    body: CloudEvent,
    n: number,
  ) => { status: number; headers?: Record<string, string>; delayMs?: number } = () => ({
    status: 200,
  });
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const { status, headers, delayMs } = this.answer(JSON.parse(body), this.requests.length);
        this.requests.push({ headers: req.headers, body, status });
        setTimeout(() => res.writeHead(status, headers).end(), delayMs ?? 0);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    return this;
  }

  /** What a receiver keeps: each event once, by id (at-least-once delivery). */
  accepted(): Map<string, CloudEvent> {
    const seen = new Map<string, CloudEvent>();
    for (const r of this.requests) {
      if (r.status < 200 || r.status >= 300) continue;
      const event = JSON.parse(r.body) as CloudEvent;
      if (!seen.has(event.id)) seen.set(event.id, event);
    }
    return seen;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe.each(engines)('push subscriptions on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let receiver: Receiver;
  const deliveries: Delivery[] = [];

  function delivery(env: Record<string, string> = {}): Delivery {
    const config = parseConfig({
      SUBSCRIPTION_SUSPEND_AFTER: '3',
      SUBSCRIPTION_TIMEOUT_MS: '5000',
      ...env,
    });
    const logger = createLogger('silent');
    const { adapter } = createBot({ store, config, logger, now: () => new Date() });
    const made = createDelivery({ store, config, logger, adapter });
    deliveries.push(made);
    return made;
  }

  const today = () => calendarDateIn(new Date(), 'UTC') as CalendarDate;

  async function workloads(id: string, count = 3): Promise<Workload[]> {
    const codes = (['EXO', 'TEAMS', 'SPO', 'OD', 'OLM'] as const).slice(0, count);
    return store.registerTenant(
      { id, name: `${id}.onmicrosoft.com`, customerName: id },
      codes.map((code) => ({ code, l1Status: 'in_progress' as const, channel: fmChannel })),
    );
  }

  async function changeDates(list: Workload[], offset = 10): Promise<void> {
    for (const [i, workload] of list.entries()) {
      const result = await store.changeEngagementStartDate({
        workloadId: workload.id,
        expectedVersion: workload.version,
        actor: alex,
        proposal: { kind: 'date', date: addDays(today(), offset + i), basis: 'kickoff_meeting' },
        reason: 'Customer agreed the kickoff on this day.',
        source: 'teams',
        today: today(),
      });
      expect(result.status).toBe('changed');
    }
  }

  async function feed(types?: string[]): Promise<CloudEvent[]> {
    const page = await store.readEvents(0, 1000, types);
    if (page.status !== 'ok') throw new Error('expired');
    return page.events;
  }

  /** Pump and dispatch, as the push loop's rounds do; `ahead` lets retries fall due at once. */
  async function rounds(d: Delivery, n: number, ahead = FAR): Promise<void> {
    for (let i = 0; i < n; i++) {
      await d.pumpNow();
      await d.pushDispatcher.runOnce(new Date(Date.now() + ahead));
    }
  }

  async function pushRows() {
    return contextOf(store)
      .db.selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'event_push')
      .orderBy('id')
      .execute();
  }

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target);
    receiver = await new Receiver().start();
  });

  afterEach(async () => {
    for (const d of deliveries.splice(0)) await d.stop();
    await receiver.stop();
    await store.close();
    await database.drop();
  });

  it('a subscriber that answers 500 then 200 receives every event, each signed, and each once after dedupe by id', async () => {
    const sub = await store.addSubscription({ url: receiver.url, types: [], secret: SECRET });
    // The first answer to each event is 500, every later one 200.
    const failed = new Set<string>();
    receiver.answer = (event) => {
      if (failed.has(event.id)) return { status: 200 };
      failed.add(event.id);
      return { status: 500 };
    };
    const list = await workloads('tenant-push');
    await changeDates(list);
    // Each event fails once: not N failures of one push, so no suspension (10 > 3 events).
    const d = delivery({ SUBSCRIPTION_SUSPEND_AFTER: '10' });
    await rounds(d, 3);

    const written = await feed();
    expect(written.length).toBeGreaterThanOrEqual(3);
    const accepted = receiver.accepted();
    expect([...accepted.keys()].sort()).toEqual(written.map((e) => e.id).sort());
    expect(receiver.requests).toHaveLength(2 * written.length);
    for (const event of written) expect(accepted.get(event.id)).toEqual(event);
    const nowS = Math.floor(Date.now() / 1000);
    for (const r of receiver.requests) {
      expect(r.headers['content-type']).toBe('application/cloudevents+json');
      expect(r.headers['webhook-id']).toBe((JSON.parse(r.body) as CloudEvent).id);
      expect(verify(SECRET, r.headers['esd-signature'] as string, r.body, nowS)).toBe(true);
      // Another secret, or a body changed in transit, does not verify.
      expect(verify(`${SECRET}x`, r.headers['esd-signature'] as string, r.body, nowS)).toBe(false);
      expect(verify(SECRET, r.headers['esd-signature'] as string, `${r.body} `, nowS)).toBe(false);
    }
    expect((await pushRows()).every((row) => row.status === 'sent')).toBe(true);
    const [listed] = await store.listSubscriptions();
    expect(listed).toMatchObject({ id: sub.id, state: 'active', consecutiveFailures: 0 });
    expect(listed?.cursor).toBe(String(written.length));
  });

  it('a type filter lets through only its types', async () => {
    const other = await new Receiver().start();
    try {
      await store.addSubscription({
        url: receiver.url,
        types: ['esdbot.esd.changed'],
        secret: SECRET,
      });
      await store.addSubscription({ url: other.url, types: [], secret: SECRET });
      const list = await workloads('tenant-filter', 2);
      // Dates in the past, so that "no answer" may be recorded on them (R7): another type.
      await changeDates(list, -5);
      const recorded = await store.recordNoResponse({
        workloadId: (list[0] as Workload).id,
        actor: alex,
        kind: 'no_answer',
        today: today(),
      });
      expect(recorded.status).not.toBe('rejected');
      await rounds(delivery(), 2);
      const changed = await feed(['esdbot.esd.changed']);
      const all = await feed();
      expect(changed).toHaveLength(2);
      expect(all.length).toBeGreaterThan(changed.length);
      expect([...receiver.accepted().keys()].sort()).toEqual(changed.map((e) => e.id).sort());
      expect([...other.accepted().keys()].sort()).toEqual(all.map((e) => e.id).sort());
    } finally {
      await other.stop();
    }
  });

  it('429 and 503 with Retry-After: the push and the rest of that subscriber wait that long', async () => {
    await store.addSubscription({
      url: receiver.url,
      types: ['esdbot.esd.changed'],
      secret: SECRET,
    });
    // The 429 is slow to come: the second push's slot (half a second later) comes before it.
    receiver.answer = (_event, n) =>
      n === 0 ? { status: 429, headers: { 'retry-after': '120' }, delayMs: 1500 } : { status: 200 };
    await changeDates(await workloads('tenant-429', 2));
    // Two a second, one push in flight per subscriber: the second waits for the first's answer.
    const d = delivery({ SUBSCRIPTION_MAX_RPS: '2' });
    const before = Date.now();
    await d.pumpNow();
    await d.pushDispatcher.runOnce(new Date());
    expect(receiver.requests).toHaveLength(1);
    const rows = await pushRows();
    expect(rows).toHaveLength(2);
    // The throttled push is due again after Retry-After, counted as an attempt; the other push of
    // this subscriber was not sent into the throttle: put back until then, not counted.
    for (const row of rows) {
      expect(row.status).toBe('pending');
      expect(new Date(row.due_at).getTime()).toBeGreaterThanOrEqual(before + 110_000);
    }
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 1]);
    expect(rows.find((r) => r.attempts === 1)?.last_error).toContain('429');
    await d.pushDispatcher.runOnce(new Date());
    expect(receiver.requests).toHaveLength(1);

    // 503 with an HTTP date is honoured the same way.
    receiver.answer = () => ({
      status: 503,
      headers: { 'retry-after': new Date(Date.now() + 300_000).toUTCString() },
    });
    // Another instance (its own pace) once the wait is over: the 503 holds the row 5 minutes more.
    const later = delivery();
    await later.pushDispatcher.runOnce(new Date(Date.now() + 130_000));
    const after503 = await pushRows();
    expect(after503.filter((r) => r.last_error?.startsWith('503')).length).toBeGreaterThanOrEqual(
      1,
    );
    // Answered 503, or put back by the pause it caused: neither before Retry-After.
    for (const row of after503)
      expect(new Date(row.due_at).getTime()).toBeGreaterThanOrEqual(Date.now() + 280_000);
    receiver.answer = () => ({ status: 200 });
    await delivery().pushDispatcher.runOnce(new Date(Date.now() + 10 * 60_000));
    expect(receiver.accepted().size).toBe(2);
  });

  it('is suspended after N failures in a row, shown in list and /metrics, and resumed without losing events', async () => {
    trackSubscriptions(() => store.subscriptionCounts());
    const suspensionsBefore = await counterValue('esd_subscription_suspensions_total');
    const sub = await store.addSubscription({
      url: receiver.url,
      types: ['esdbot.esd.changed'],
      secret: SECRET,
    });
    receiver.answer = () => ({ status: 500 });
    const list = await workloads('tenant-down', 2);
    await changeDates(list.slice(0, 1));
    const d = delivery();
    await rounds(d, 5);
    // SUBSCRIPTION_SUSPEND_AFTER=3: three attempts, then nothing more.
    expect(receiver.requests).toHaveLength(3);
    const [listed] = await store.listSubscriptions();
    expect(listed).toMatchObject({ id: sub.id, state: 'suspended', consecutiveFailures: 3 });
    expect(listed?.lastError).toContain('500');
    expect((await pushRows()).map((r) => r.status)).toEqual(['waiting']);
    const metrics = await registry.metrics();
    expect(metrics).toContain('esd_subscriptions{state="suspended"} 1');
    expect(metrics).toContain('esd_subscriptions{state="active"} 0');
    expect(await counterValue('esd_subscription_suspensions_total')).toBe(suspensionsBefore + 1);

    // While suspended, new events are not queued for it; its cursor stays.
    await changeDates(list.slice(1), 40);
    await rounds(d, 2);
    expect(await pushRows()).toHaveLength(1);
    expect(receiver.requests).toHaveLength(3);

    receiver.answer = () => ({ status: 200 });
    const resumed = await store.reactivateSubscription(sub.id);
    expect(resumed).toMatchObject({ status: 'ok', woken: 1 });
    await rounds(d, 2);
    const changed = await feed(['esdbot.esd.changed']);
    expect(changed).toHaveLength(2);
    expect([...receiver.accepted().keys()].sort()).toEqual(changed.map((e) => e.id).sort());
    expect(await registry.metrics()).toContain('esd_subscriptions{state="active"} 1');
  });

  it('replay from a cursor pushes the later events again; a cursor older than retention is refused', async () => {
    const sub = await store.addSubscription({
      url: receiver.url,
      types: ['esdbot.esd.changed'],
      secret: SECRET,
    });
    await changeDates(await workloads('tenant-replay', 3));
    const d = delivery();
    await rounds(d, 2);
    const changed = await feed(['esdbot.esd.changed']);
    expect(receiver.requests).toHaveLength(3);

    // From the first change's position: the second and third come again (same ids).
    const from = Number((changed[0] as CloudEvent).sequence);
    expect(await store.reactivateSubscription(sub.id, from)).toMatchObject({ status: 'ok' });
    await rounds(d, 2);
    // Pushes of one round go out side by side: compared in order of the feed.
    const ids = receiver.requests.map((r) => (JSON.parse(r.body) as CloudEvent).id);
    expect(ids.slice(0, 3).sort()).toEqual(changed.map((e) => e.id).sort());
    expect(ids.slice(3).sort()).toEqual(
      changed
        .slice(1)
        .map((e) => e.id)
        .sort(),
    );
    expect(receiver.accepted().size).toBe(3);

    // Retention deleted everything up to position 2: cursor 1 is too old, and nothing changes.
    await contextOf(store)
      .db.updateTable('event_log')
      .set({ purged_through: 2 })
      .where('id', '=', 1)
      .execute();
    const before = await store.getSubscription(sub.id);
    expect(await store.reactivateSubscription(sub.id, 1)).toEqual({
      status: 'expired',
      oldest: '2',
    });
    expect(await store.getSubscription(sub.id)).toEqual(before);
  });

  it('remove stops delivery: what was queued is cancelled, nothing new is queued', async () => {
    const sub = await store.addSubscription({ url: receiver.url, types: [], secret: SECRET });
    const list = await workloads('tenant-removed', 2);
    await changeDates(list.slice(0, 1));
    const d = delivery();
    await d.pumpNow();
    expect((await pushRows()).length).toBeGreaterThan(0);
    expect(await store.removeSubscription(sub.id)).toBe(true);
    await changeDates(list.slice(1), 40);
    await rounds(d, 2);
    expect(receiver.requests).toHaveLength(0);
    const rows = await pushRows();
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it("with the server's loops running, a change is pushed without anyone asking", async () => {
    await store.addSubscription({
      url: receiver.url,
      types: ['esdbot.esd.changed'],
      secret: SECRET,
    });
    const d = delivery();
    d.start();
    await changeDates(await workloads('tenant-live', 1));
    d.kick();
    await until(() => receiver.accepted().size === 1, 20_000, 'the push of the change');
    const [event] = await feed(['esdbot.esd.changed']);
    expect(receiver.accepted().get((event as CloudEvent).id)).toEqual(event);
  });

  it('a push row whose payload does not fit its kind is cancelled with a clear error, never sent', async () => {
    await contextOf(store)
      .db.insertInto('outbox')
      .values({
        kind: 'event_push',
        dedupe_key: 'event-push:broken',
        workload_id: null,
        recipient_aad_object_id: null,
        recipient_upn: null,
        payload: JSON.stringify({ subscriptionId: 7 }),
        status: 'pending',
        due_at: new Date().toISOString(),
        attempts: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await delivery().pushDispatcher.runOnce()).toMatchObject({ cancelled: 1 });
    const [row] = await pushRows();
    expect(row?.status).toBe('cancelled');
    expect(row?.last_error).toContain('event_push: payload does not fit its kind: subscriptionId');
  });

  it('Teams messages and pushes are claimed apart: the Teams dispatcher never takes a push', async () => {
    await store.addSubscription({ url: receiver.url, types: [], secret: SECRET });
    await changeDates(await workloads('tenant-apart', 1));
    const d = delivery();
    await d.pumpNow();
    const queued = (await pushRows()).length;
    expect(queued).toBeGreaterThan(0);
    // The Teams dispatcher (what the reminders CLI and the bot's kick run) leaves them alone.
    const stats = await d.dispatcher.runOnce(new Date(Date.now() + FAR));
    expect(Object.values(stats).reduce((a, b) => a + b, 0)).toBe(0);
    expect((await pushRows()).every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
  });
});

async function counterValue(name: string): Promise<number> {
  const metric = registry.getSingleMetric(name);
  const value = (await metric?.get())?.values[0]?.value;
  return value ?? 0;
}
