import { afterEach, beforeEach, expect, it } from 'vitest';
import { contextOf, Store } from '../../src/store/store.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FakeConnector } from '../support/fake-connector.js';
import { alex } from '../support/teams.js';
import { until } from '../support/time.js';

let database: TestDatabase;
let connector: FakeConnector;
let bot: BotProcess | null = null;

beforeEach(async () => {
  database = await createTestDatabase('sqlite');
  connector = await new FakeConnector().start();
});
afterEach(async () => {
  bot?.child.kill('SIGKILL');
  await connector.stop();
  await database.drop();
});

function message(text: string) {
  return {
    type: 'message',
    id: `m-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: alex.id, name: alex.name, aadObjectId: alex.aadObjectId },
    recipient: { id: '28:esd-bot', name: 'esd-bot' },
    conversation: { id: 'a:personal-alex', conversationType: 'personal' },
    locale: 'en-US',
    text,
  };
}

it('SIGTERM: stops taking work, finishes the turn in flight, releases leases, exits 0 in bounded time', async () => {
  if (database.target.kind !== 'sqlite') throw new Error('sqlite');
  bot = await startBotProcess({ SQLITE_PATH: database.target.path });
  // The turn's reply is held by the connector until the test lets it go: in flight for as long
  // as needed, whatever the machine's load (no fixed sleep that a busy machine outruns).
  const release = connector.hold();
  const help = message('help');
  const inFlight = fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(help),
  });
  await until(() => connector.arrived > 0, 60_000, 'the turn’s reply to reach the connector');
  bot.child.kill('SIGTERM');
  // Measured from the process's own signal that it heard SIGTERM, not a fixed sleep.
  const running = bot;
  await until(() => running.output.join('').includes('shutting down'), 60_000, 'shutting down');
  // New work is refused...
  await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
  // ...the turn in flight completes, its reply delivered...
  release();
  expect((await inFlight).status).toBe(200);
  // (The demo data's reminder for Alex may go out too, proactively, once his conversation is
  // known, and the typing indicator does while the reply is held past TYPING_DELAY_MS: only the
  // reply to this message is counted.)
  const replies = connector.sent.filter(
    (s) => s.targetId === help.id && s.activity.type !== 'typing',
  );
  expect(replies).toHaveLength(1);
  expect(JSON.stringify(replies[0]?.activity)).toContain('application/vnd.microsoft.card.adaptive');
  // ...and the process exits cleanly: 0 and "stopped cleanly", not the forced exit of its 10 s
  // bound (which exits 1); how fast is the machine's business, not this test's.
  expect(await bot.exited).toBe(0);
  expect(bot.output.join('')).toContain('stopped cleanly');
  const store = await Store.open(database.target);
  const leased = await contextOf(store)
    .db.selectFrom('outbox')
    .select('id')
    .where('lease_owner', 'is not', null)
    .execute();
  await store.close();
  expect(leased).toEqual([]);
});
