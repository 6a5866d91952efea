import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/bot/adapter.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { Dispatcher } from '../../src/notify/dispatcher.js';
import { createRenderer } from '../../src/notify/render.js';
import { TeamsChannel } from '../../src/notify/teams-channel.js';
import { saveReachability } from '../../src/store/delivery.js';
import { enqueueAll } from '../../src/store/reminders.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';
import { FakeConnector } from '../support/fake-connector.js';
import { scaled } from '../support/time.js';

// Each test's and hook's limit, scaled on a busy machine (test/support/time.ts).
vi.setConfig({ testTimeout: scaled(300_000), hookTimeout: scaled(300_000) });

const PEOPLE = 20;
const MESSAGES = 300;

describe.each(engines)('two dispatchers sharing one outbox on %s', (engine) => {
  let database: TestDatabase;
  let connector: FakeConnector;
  const stores: Store[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    connector = await new FakeConnector().start();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await connector.stop();
    await database.drop();
  });

  function dispatcher(store: Store, name: string) {
    const config = parseConfig({
      PROACTIVE_MAX_RPS: '50',
      PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
    });
    const logger = createLogger('silent');
    const { adapter } = createBot({ store, config, logger, now: () => new Date() });
    return new Dispatcher({
      store,
      config,
      logger,
      owner: name,
      batchSize: 25,
      channel: new TeamsChannel(adapter, ''),
      render: createRenderer(store, {
        test: async (_row, payload) => ({
          activity: { type: 'message', text: `message ${(payload as { n: number }).n}` },
        }),
      }),
    });
  }

  it('sends every message exactly once, none lost, none twice', async () => {
    const a = await Store.open(database.target);
    const b = await Store.open(database.target);
    stores.push(a, b);
    for (let i = 0; i < PEOPLE; i++) {
      const aad = `aad-${i}`;
      await a.upsertPerson({ aadObjectId: aad, name: `Person ${i}` });
      await saveReachability(contextOf(a), aad, {
        conversationRef: {
          conversation: { id: `conv-${i}`, conversationType: 'personal' },
          user: { id: `29:${i}`, aadObjectId: aad },
          bot: { id: '28:bot' },
          channelId: 'msteams',
          serviceUrl: connector.url,
        },
      });
    }
    await enqueueAll(
      contextOf(a),
      Array.from({ length: MESSAGES }, (_, n) => ({
        kind: 'test',
        dedupeKey: `test:${n}`,
        workloadId: null,
        recipient: { aadObjectId: `aad-${n % PEOPLE}`, upn: null },
        payload: { n },
        dueAt: new Date(Date.now() - 1000).toISOString(),
      })),
    );
    // Until the outbox is empty: on a busy machine a send may time out and be retried later
    // (the retry is due at once here), which must still end with each message exactly once.
    const [da, db] = [dispatcher(a, 'a'), dispatcher(b, 'b')];
    const statsA = { sent: 0 };
    const statsB = { sent: 0 };
    const deadline = Date.now() + scaled(120_000);
    for (;;) {
      const [ra, rb] = await Promise.all([
        da.runOnce(new Date(Date.now() + 3_600_000)),
        db.runOnce(new Date(Date.now() + 3_600_000)),
      ]);
      statsA.sent += ra.sent;
      statsB.sent += rb.sent;
      const pending = await contextOf(a)
        .db.selectFrom('outbox')
        .select('id')
        .where('status', '!=', 'sent')
        .execute();
      if (pending.length === 0 || Date.now() > deadline) break;
    }
    const texts = connector.texts();
    expect(new Set(texts).size).toBe(MESSAGES);
    expect(texts).toHaveLength(MESSAGES);
    expect(statsA.sent + statsB.sent).toBe(MESSAGES);
    // Both took part.
    expect(statsA.sent).toBeGreaterThan(0);
    expect(statsB.sent).toBeGreaterThan(0);
    const left = await contextOf(a)
      .db.selectFrom('outbox')
      .select('status')
      .where('status', '!=', 'sent')
      .execute();
    expect(left).toEqual([]);
  });

  it('a crashed instance’s lease expires and another instance takes the row over', async () => {
    let clock = new Date('2026-11-22T12:00:00Z');
    const a = await Store.open(database.target, { now: () => clock });
    stores.push(a);
    await a.upsertPerson({ aadObjectId: 'aad-x', name: 'X' });
    await saveReachability(contextOf(a), 'aad-x', {
      conversationRef: {
        conversation: { id: 'conv-x' },
        user: { id: '29:x' },
        bot: { id: '28:bot' },
        channelId: 'msteams',
        serviceUrl: connector.url,
      },
    });
    await enqueueAll(contextOf(a), [
      {
        kind: 'test',
        dedupeKey: 'test:x',
        workloadId: null,
        recipient: { aadObjectId: 'aad-x', upn: null },
        payload: { n: 1 },
        dueAt: clock.toISOString(),
      },
    ]);
    const { claimDue } = await import('../../src/store/delivery.js');
    // "crashed" claims the row and never settles it.
    expect(
      await claimDue(contextOf(a), { owner: 'crashed', dueBy: clock, leaseMs: 60_000, limit: 10 }),
    ).toHaveLength(1);
    expect(await dispatcher(a, 'survivor').runOnce(clock)).toMatchObject({ sent: 0 });
    clock = new Date(clock.getTime() + 61_000);
    expect(await dispatcher(a, 'survivor').runOnce(clock)).toMatchObject({ sent: 1 });
    expect(connector.texts()).toEqual(['message 1']);
  });
});

describe('the outbox under load with a misbehaving connector', () => {
  it('429s, 5xx, hangs and a 403: everything else arrives exactly once, timeouts bounded', async () => {
    const database = await createTestDatabase('sqlite');
    const connector = await new FakeConnector().start();
    const store = await Store.open(database.target);
    try {
      for (let i = 0; i < 10; i++) {
        await store.upsertPerson({ aadObjectId: `aad-${i}`, name: `P${i}` });
        await saveReachability(contextOf(store), `aad-${i}`, {
          conversationRef: {
            conversation: { id: `conv-${i}` },
            user: { id: `29:${i}` },
            bot: { id: '28:b' },
            channelId: 'msteams',
            serviceUrl: connector.url,
          },
        });
      }
      await enqueueAll(
        contextOf(store),
        Array.from({ length: 200 }, (_, n) => ({
          kind: 'test',
          dedupeKey: `chaos:${n}`,
          workloadId: null,
          recipient: { aadObjectId: `aad-${n % 10}`, upn: null },
          payload: { n },
          dueAt: new Date(Date.now() - 1000).toISOString(),
        })),
      );
      let seed = 7;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      connector.chaos = (conversation) => {
        if (conversation === 'conv-9') return { status: 403 };
        const r = random();
        if (r < 0.1) return { status: 429, retryAfterSeconds: 0 };
        if (r < 0.2) return { status: [500, 502, 503, 504][Math.floor(r * 40) % 4] as number };
        if (r < 0.23) return { hang: true };
        return null;
      };
      const config = parseConfig({
        PROACTIVE_MAX_RPS: '200',
        PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
        PROACTIVE_SEND_TIMEOUT_MS: '1500',
        PROACTIVE_LEASE_MS: '5000',
        PROACTIVE_MAX_ATTEMPTS: '20',
      });
      const logger = createLogger('silent');
      const { adapter } = createBot({ store, config, logger, now: () => new Date() });
      const dispatcher = new Dispatcher({
        store,
        config,
        logger,
        channel: new TeamsChannel(adapter, '', config.proactive.sendTimeoutMs),
        render: createRenderer(store, {
          test: async (_row, payload) => ({
            activity: { type: 'message', text: `message ${(payload as { n: number }).n}` },
          }),
        }),
      });
      for (let round = 0; round < 40; round++) {
        await dispatcher.runOnce(new Date(Date.now() + 3_600_000));
        const pending = await contextOf(store)
          .db.selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .execute();
        if (pending.length === 0) break;
      }
      // Bounded: the rounds end (each hang costs one send timeout, counted in attended time);
      // how long they took is the machine's business (the test's own limit is scaled).
      const texts = connector.texts();
      expect(texts).toHaveLength(180);
      expect(new Set(texts).size).toBe(180);
      const byStatus = await contextOf(store)
        .db.selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      expect(Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]))).toEqual({
        sent: 180,
        waiting: 20,
      });
      expect((await store.getPerson('aad-9'))?.reachable).toBe(false);
    } finally {
      await store.close();
      await connector.stop();
      await database.drop();
    }
  });
});

/**
 * Real CPU starvation: a thread spinning on every core, and this event loop stalled again and
 * again (a long synchronous task, as a busy machine makes of any await). Two dispatchers share
 * the outbox with a 4 s lease (the guarantee holds while no stall reaches a third of it: the
 * heartbeat's period); the Bot Connector takes 250 ms to answer. Before the fenced send
 * and the lease heartbeat, a row whose lease ran out while it waited for its slot or its answer
 * was claimed and sent again by the other dispatcher.
 */
describe.each(engines)('two dispatchers on a starved CPU on %s', (engine) => {
  const STARVED_PEOPLE = 12;
  const STARVED_MESSAGES = 120;
  /** Longest injected stall: well under a third of the lease, the heartbeat's period. */
  const MAX_STALL_MS = 550;

  it('sends every message exactly once with short leases, spinning cores and a stalled event loop', async () => {
    const database = await createTestDatabase(engine);
    const connector = await new FakeConnector().start();
    connector.delayMs = 250;
    const a = await Store.open(database.target);
    const b = await Store.open(database.target);
    const spin = new Int32Array(new SharedArrayBuffer(4));
    const workers: Worker[] = [];
    let stalling = true;
    let stallTimer: NodeJS.Timeout | undefined;
    try {
      for (let i = 0; i < STARVED_PEOPLE; i++) {
        const aad = `aad-${i}`;
        await a.upsertPerson({ aadObjectId: aad, name: `Person ${i}` });
        await saveReachability(contextOf(a), aad, {
          conversationRef: {
            conversation: { id: `conv-${i}`, conversationType: 'personal' },
            user: { id: `29:${i}`, aadObjectId: aad },
            bot: { id: '28:bot' },
            channelId: 'msteams',
            serviceUrl: connector.url,
          },
        });
      }
      await enqueueAll(
        contextOf(a),
        Array.from({ length: STARVED_MESSAGES }, (_, n) => ({
          kind: 'test',
          dedupeKey: `starved:${n}`,
          workloadId: null,
          recipient: { aadObjectId: `aad-${n % STARVED_PEOPLE}`, upn: null },
          payload: { n },
          dueAt: new Date(Date.now() - 1000).toISOString(),
        })),
      );
      for (let i = 0; i < availableParallelism(); i++)
        workers.push(
          new Worker(
            `const { workerData } = require('node:worker_threads');
         const flag = new Int32Array(workerData);
         while (Atomics.load(flag, 0) === 0) {}`,
            { eval: true, workerData: spin.buffer },
          ),
        );
      // Stalls of 100–550 ms, 150 ms apart: the loop is frozen most of the time.
      let seed = 11;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const stall = () => {
        if (!stalling) return;
        const until = Date.now() + 100 + random() * (MAX_STALL_MS - 100);
        while (Date.now() < until) {
          // Spinning on purpose: the event loop is held, as on a starved machine.
        }
        stallTimer = setTimeout(stall, 150);
      };
      stallTimer = setTimeout(stall, 50);

      const config = parseConfig({
        PROACTIVE_MAX_RPS: '40',
        PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
        PROACTIVE_SEND_TIMEOUT_MS: '1000',
        PROACTIVE_LEASE_MS: '4000',
        PROACTIVE_MAX_ATTEMPTS: '50',
      });
      const logger = createLogger('silent');
      const make = (store: Store, owner: string) => {
        const { adapter } = createBot({ store, config, logger, now: () => new Date() });
        return new Dispatcher({
          store,
          config,
          logger,
          owner,
          batchSize: 20,
          channel: new TeamsChannel(adapter, '', config.proactive.sendTimeoutMs),
          render: createRenderer(store, {
            test: async (_row, payload) => ({
              activity: { type: 'message', text: `message ${(payload as { n: number }).n}` },
            }),
          }),
        });
      };
      const deadline = Date.now() + scaled(120_000);
      const drain = async (store: Store, owner: string) => {
        const dispatcher = make(store, owner);
        while (Date.now() < deadline) {
          await dispatcher.runOnce(new Date(Date.now() + 3_600_000));
          const left = await contextOf(store)
            .db.selectFrom('outbox')
            .select('id')
            .where('status', '!=', 'sent')
            .execute();
          if (left.length === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await Promise.all([drain(a, 'a'), drain(b, 'b')]);
      stalling = false;

      const texts = connector.texts();
      const twice = texts.filter((t, i) => texts.indexOf(t) !== i);
      expect(twice).toEqual([]);
      expect([...texts].sort()).toEqual(
        Array.from({ length: STARVED_MESSAGES }, (_, n) => `message ${n}`).sort(),
      );
      const byStatus = await contextOf(a)
        .db.selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      expect(Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]))).toEqual({
        sent: STARVED_MESSAGES,
      });
    } finally {
      stalling = false;
      clearTimeout(stallTimer);
      Atomics.store(spin, 0, 1);
      await Promise.all(workers.map((w) => w.terminate()));
      await a.close();
      await b.close();
      await connector.stop();
      await database.drop();
    }
  });
});
