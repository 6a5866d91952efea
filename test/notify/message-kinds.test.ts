import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/notify/render.js';
import {
  DIGEST_KIND,
  ESD_CHANGED_BY_OTHER_KIND,
  GATEWAY_HANDOFF_KIND,
  REMINDER_KIND,
  type Recipient,
} from '../../src/store/index.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const recipient: Recipient = {
  aadObjectId: 'aad-fm1',
  upn: 'fm1@example.com',
  name: 'FM One',
  locale: 'en-US',
  timeZone: null,
  conversationRef: null,
  teamsUserId: null,
  serviceUrl: null,
  aadTenantId: null,
  reachable: true,
};

// Issue 14 item 2: each kind's payload is checked on read; a row that does not fit is skipped
// (the dispatcher cancels it with the reason), never thrown.
describe.each(engines)('outbox message kinds on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  async function storedRow(kind: string, payload: string) {
    const db = contextOf(store).db;
    const now = new Date().toISOString();
    await db
      .insertInto('outbox')
      .values({
        kind,
        dedupe_key: `test:${kind}:${payload}`,
        workload_id: null,
        recipient_aad_object_id: 'aad-fm1',
        recipient_upn: 'fm1@example.com',
        payload,
        status: 'pending',
        due_at: now,
        attempts: 0,
        created_at: now,
      })
      .execute();
    return db
      .selectFrom('outbox')
      .selectAll()
      .where('dedupe_key', '=', `test:${kind}:${payload}`)
      .executeTakeFirstOrThrow();
  }

  it.each([
    [REMINDER_KIND, '{"workloadId":42}', 'payload does not fit its kind'],
    [DIGEST_KIND, '{"weekStart":"not-a-date","fm":{"aadObjectId":null,"upn":null}}', 'weekStart'],
    [ESD_CHANGED_BY_OTHER_KIND, '{"changeId":"7","workloadId":"w"}', 'changeId'],
    [GATEWAY_HANDOFF_KIND, '{"tenantId":"t"}', 'handoffId'],
    [REMINDER_KIND, 'not json', 'payload is not JSON'],
  ])(
    'a %s row whose payload %s does not parse is skipped with a clear error',
    async (kind, payload, says) => {
      const render = createRenderer(store);
      const rendered = await render(await storedRow(kind, payload), recipient);
      expect(rendered).toEqual({ skip: expect.stringContaining(says) });
      expect(rendered).toEqual({ skip: expect.stringContaining(kind) });
    },
  );
});
