import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { calendarDateIn, WORKLOAD_CODES, type WorkloadCode } from '../../src/domain/index.js';
import { sweep } from '../../src/notify/sweep.js';
import { contextOf, Store } from '../../src/store/store.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/databases.js';
import { FakeConnector } from '../support/fake-connector.js';
import { scaled, until } from '../support/time.js';

// Each test's and hook's limit, scaled on a busy machine (test/support/time.ts).
vi.setConfig({ testTimeout: scaled(180_000), hookTimeout: scaled(180_000) });

const REMINDERS = 5000;
const FMS = 500;
/**
 * A repeat is a send in flight at the kill: at most a send's bound (attended time) plus a lease
 * away, stretched like every time limit on a slow machine.
 */
const AROUND_KILL_MS = scaled(15_000);

describe.skipIf(!TEST_DATABASE_URL)(
  'two bot instances on one PostgreSQL database, one killed midway',
  () => {
    let database: TestDatabase;
    let connector: FakeConnector;
    const bots: BotProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      connector = await new FakeConnector().start();
      const store = await Store.open(database.target);
      const now = new Date().toISOString();
      const today = calendarDateIn(new Date(), 'UTC');
      const tenants = Math.ceil(REMINDERS / WORKLOAD_CODES.length);
      for (let t = 0; t < tenants; t += 100) {
        await contextOf(store)
          .db.insertInto('tenants')
          .values(
            Array.from({ length: Math.min(100, tenants - t) }, (_, i) => ({
              id: `tenant-${t + i}`,
              name: `t${t + i}.onmicrosoft.com`,
              customer_name: `Customer ${t + i}`,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
      for (let w = 0; w < REMINDERS; w += 500) {
        await contextOf(store)
          .db.insertInto('workloads')
          .values(
            Array.from({ length: 500 }, (_, i) => {
              const n = w + i;
              return {
                id: `w-${n}`,
                tenant_id: `tenant-${Math.floor(n / WORKLOAD_CODES.length)}`,
                code: WORKLOAD_CODES[n % WORKLOAD_CODES.length] as WorkloadCode,
                l1_status: 'in_progress',
                esd_date: today,
                esd_estimate: 0,
                esd_basis: 'planned',
                channel_type: 'fm',
                fm_upn: `fm${n % FMS}@example.com`,
                fm_aad_object_id: `aad-fm-${n % FMS}`,
                frp_partner_name: null,
                version: 1,
                created_at: now,
                updated_at: now,
              };
            }),
          )
          .execute();
      }
      await contextOf(store)
        .db.insertInto('people')
        .values(
          Array.from({ length: FMS }, (_, i) => ({
            aad_object_id: `aad-fm-${i}`,
            upn: `fm${i}@example.com`,
            name: `FM ${i}`,
            aad_tenant_id: null,
            locale: 'en-US',
            time_zone: 'UTC',
            conversation_ref: JSON.stringify({
              conversation: { id: `conv-fm-${i}`, conversationType: 'personal' },
              user: { id: `29:fm-${i}`, aadObjectId: `aad-fm-${i}` },
              bot: { id: '28:esd-bot' },
              channelId: 'msteams',
              serviceUrl: connector.url,
            }),
            reachable: 1,
            teams_user_id: null,
            service_url: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      const queued = await sweep(store, parseConfig({}), new Date(`${today}T12:00:00Z`));
      expect(queued.reminders).toBe(REMINDERS);
      await store.close();
    });

    afterAll(async () => {
      for (const bot of bots) bot.child.kill('SIGKILL');
      await connector?.stop();
      await database?.drop();
    });

    it('every reminder reaches the connector; the only possible repeat is a send in flight at the kill', async () => {
      if (database.target.kind !== 'postgres') throw new Error('postgres');
      const env = {
        DATABASE_URL: database.target.url,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
        PROACTIVE_MAX_RPS: '150',
        PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
        PROACTIVE_LEASE_MS: '3000',
        PROACTIVE_SEND_TIMEOUT_MS: '1000',
      };
      bots.push(...(await Promise.all([startBotProcess(env), startBotProcess(env)])));
      await until(() => connector.sent.length >= 1500, 60_000, '1500 reminders', 100);
      const killedAt = Date.now();
      bots[0]?.child.kill('SIGKILL');

      // A reminder card's buttons carry only its token: one per outbox row, the same on a resend.
      const key = (s: (typeof connector.sent)[number]) => {
        const card = s.activity.attachments?.[0]?.content as {
          actions?: { data?: { reminder?: string } }[];
        };
        return String(card?.actions?.[0]?.data?.reminder);
      };
      await until(
        () => new Set(connector.sent.map(key)).size >= REMINDERS,
        90_000,
        'all reminders',
        100,
      );
      // Any late repeat would show by now (the wait scaled like every time limit).
      await new Promise((resolve) => setTimeout(resolve, scaled(3000)));

      const byKey = new Map<string, number[]>();
      for (const s of connector.sent)
        byKey.set(key(s), [...(byKey.get(key(s)) ?? []), s.receivedAt]);
      expect(byKey.size).toBe(REMINDERS);
      const repeats = [...byKey.values()].filter((times) => times.length > 1);
      // A send whose answer the killed process never read cannot be told from one never received:
      // Teams offers no idempotency key. Any repeat must be such a send, received around the kill.
      for (const times of repeats) {
        expect(times).toHaveLength(2);
        // "Around": within a send timeout plus a lease of the kill, not a wall-clock race.
        expect(Math.abs((times[0] as number) - killedAt)).toBeLessThan(AROUND_KILL_MS);
      }
      // How many were in flight depends on the machine's load at that instant; 2% is far above it.
      expect(repeats.length).toBeLessThanOrEqual(REMINDERS / 50);
      console.info(
        `kill test: ${REMINDERS} reminders, ${connector.sent.length} sends, ${repeats.length} repeat(s) in flight at the kill`,
      );

      const store = await Store.open(database.target);
      const left = await contextOf(store)
        .db.selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      await store.close();
      expect(left.map((r) => [r.status, Number(r.n)])).toEqual([['sent', REMINDERS]]);
    });
  },
);
