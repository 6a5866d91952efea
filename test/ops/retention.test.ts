/**
 * Retention (issue 13, "Unbounded growth"): the hourly purge deletes idle dialog state, finished
 * outbox rows and old webhook replay rows, keeps everything recent or unfinished, and two purges
 * side by side (two instances) are fine. SQLite always, PostgreSQL with TEST_DATABASE_URL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueAll } from '../../src/store/reminders.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const POLICY = { botStateDays: 90, outboxDays: 90 };

describe.each(engines)('retention purge on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target, { now: () => NOW });
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  /** `old` rows of each kind 100 days old, `recent` 10 days old, and unfinished old outbox rows. */
  async function seed(old: number, recent: number) {
    const state = [
      ...Array.from({ length: old }, (_, i) => ({ key: `old-${i}`, at: daysAgo(100) })),
      ...Array.from({ length: recent }, (_, i) => ({ key: `recent-${i}`, at: daysAgo(10) })),
    ];
    await contextOf(store)
      .db.insertInto('bot_state')
      .values(state.map((s) => ({ key: s.key, etag: '1', data: '{}', updated_at: s.at })))
      .execute();
    const statuses = ['sent', 'cancelled', 'dead', 'pending', 'waiting'] as const;
    await enqueueAll(
      contextOf(store),
      [...Array.from({ length: old }), ...Array.from({ length: recent })].map((_, n) => ({
        kind: 'test',
        dedupeKey: `r:${n}`,
        workloadId: null,
        recipient: { aadObjectId: `aad-${n}`, upn: null },
        payload: { n },
        dueAt: NOW.toISOString(),
      })),
    );
    const rows = await contextOf(store)
      .db.selectFrom('outbox')
      .select('id')
      .orderBy('id')
      .execute();
    for (const [i, row] of rows.entries())
      await contextOf(store)
        .db.updateTable('outbox')
        .set({
          status: statuses[i % statuses.length] as (typeof statuses)[number],
          created_at: i < old ? daysAgo(100) : daysAgo(3),
        })
        .where('id', '=', row.id)
        .execute();
    await contextOf(store)
      .db.insertInto('webhook_replays')
      .values(
        Array.from({ length: old + recent }, (_, i) => ({
          signature: `sig-${i}`,
          seen_at: i < old ? daysAgo(2) : NOW.toISOString(),
        })),
      )
      .execute();
  }

  const count = async (table: 'bot_state' | 'outbox' | 'webhook_replays') =>
    Number(
      (
        await contextOf(store)
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('purges old idle state, old finished messages and old replay rows; keeps recent and unfinished ones', async () => {
    await seed(510, 30);
    const purged = await store.purgeExpired(POLICY);
    // 510 old outbox rows (more than one batch of 500): 3 of every 5 finished (sent, cancelled, dead) go, pending and waiting stay.
    expect(purged).toEqual({ botState: 510, outbox: 306, webhookReplays: 510, events: 0 });
    expect(await count('bot_state')).toBe(30);
    expect(await count('outbox')).toBe(30 + 204);
    expect(await count('webhook_replays')).toBe(30);
    // The unfinished old ones are what the gauge reports: waiting more than a week.
    expect(await store.countLongWaiting(7)).toBe(204);
    // Idempotent: a second purge finds nothing.
    expect(await store.purgeExpired(POLICY)).toEqual({
      botState: 0,
      outbox: 0,
      webhookReplays: 0,
      events: 0,
    });
  });

  it('two purges at once (two instances) delete each row once and nothing recent', async () => {
    await seed(505, 20);
    const other = await Store.open(database.target, { now: () => NOW });
    try {
      const [a, b] = await Promise.all([store.purgeExpired(POLICY), other.purgeExpired(POLICY)]);
      expect(a.botState + b.botState).toBe(505);
      expect(a.outbox + b.outbox).toBe(303);
      expect(a.webhookReplays + b.webhookReplays).toBe(505);
    } finally {
      await other.close();
    }
    expect(await count('bot_state')).toBe(20);
    expect(await count('outbox')).toBe(20 + 202);
    expect(await count('webhook_replays')).toBe(20);
  });
});
