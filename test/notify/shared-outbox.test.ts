import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/adapter.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { Dispatcher } from '../../src/notify/dispatcher.js';
import { createRenderer } from '../../src/notify/render.js';
import { TeamsChannel } from '../../src/notify/teams-channel.js';
import { saveReachability } from '../../src/store/delivery.js';
import { enqueueAll } from '../../src/store/reminders.js';
import { Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';
import { FakeConnector } from '../support/fake-connector.js';

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
      ctx: store.ctx,
      config,
      logger,
      owner: name,
      batchSize: 25,
      channel: new TeamsChannel(adapter, ''),
      render: createRenderer(store.ctx, {
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
      await saveReachability(a.ctx, aad, {
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
      a.ctx,
      Array.from({ length: MESSAGES }, (_, n) => ({
        kind: 'test',
        dedupeKey: `test:${n}`,
        workloadId: null,
        recipient: { aadObjectId: `aad-${n % PEOPLE}`, upn: null },
        payload: { n },
        dueAt: new Date(Date.now() - 1000).toISOString(),
      })),
    );
    const [statsA, statsB] = await Promise.all([
      dispatcher(a, 'a').runOnce(),
      dispatcher(b, 'b').runOnce(),
    ]);
    const texts = connector.texts();
    expect(new Set(texts).size).toBe(MESSAGES);
    expect(texts).toHaveLength(MESSAGES);
    expect(statsA.sent + statsB.sent).toBe(MESSAGES);
    // Both took part.
    expect(statsA.sent).toBeGreaterThan(0);
    expect(statsB.sent).toBeGreaterThan(0);
    const left = await a.ctx.db
      .selectFrom('outbox')
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
    await saveReachability(a.ctx, 'aad-x', {
      conversationRef: {
        conversation: { id: 'conv-x' },
        user: { id: '29:x' },
        bot: { id: '28:bot' },
        channelId: 'msteams',
        serviceUrl: connector.url,
      },
    });
    await enqueueAll(a.ctx, [
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
      await claimDue(a.ctx, { owner: 'crashed', dueBy: clock, leaseMs: 60_000, limit: 10 }),
    ).toHaveLength(1);
    expect(await dispatcher(a, 'survivor').runOnce(clock)).toMatchObject({ sent: 0 });
    clock = new Date(clock.getTime() + 61_000);
    expect(await dispatcher(a, 'survivor').runOnce(clock)).toMatchObject({ sent: 1 });
    expect(connector.texts()).toEqual(['message 1']);
  });
});
