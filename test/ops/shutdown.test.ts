import { afterEach, beforeEach, expect, it } from 'vitest';
import { contextOf, Store } from '../../src/store/store.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FakeConnector } from '../support/fake-connector.js';
import { alex } from '../support/teams.js';

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

/** Polls `check` every 50 ms until it holds; fails after `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
  connector.delayMs = 3000;
  const inFlight = fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message('help')),
  });
  // The request is on its way (its reply is held 3 s by the connector: still in flight below).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  bot.child.kill('SIGTERM');
  // Measured from the process's own signal that it heard SIGTERM, not a fixed sleep.
  const running = bot;
  await until(() => running.output.join('').includes('shutting down'), 60_000);
  // New work is refused...
  await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
  // ...the turn in flight completes, its reply delivered...
  expect((await inFlight).status).toBe(200);
  expect(connector.cards()).toHaveLength(1);
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
