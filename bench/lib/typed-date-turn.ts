/**
 * bench:turn's typed-date turn for the tools that run it outside bench:turn (turn-ab.ts,
 * turn-profile.ts): esd-bot started from a built checkout on its own seeded database, every FM's
 * change card opened, then "15 January" from every FM in turn under autocannon.
 */
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Store } from '../../src/store/store.js';
import { type BenchDatabase, createBenchDatabase } from './databases.js';
import { buildEchoBot } from './echo-build.js';
import { esdBotNodeArgs } from './esd-start.js';
import { BOT_CORES, type Child, esdBotListening, readyLine, spawnCommand } from './proc.js';
import { type BenchFm, seedBenchFms, teamsMessage } from './teams.js';

/** The echo bot (the floor), pinned like esd-bot; `nodeArgs` go before the script. */
export function startEchoBot(nodeArgs: readonly string[] = []): Promise<Child> {
  return spawnCommand(process.execPath, [...nodeArgs, buildEchoBot()], {
    env: { PORT: '0', MicrosoftAppId: '', MicrosoftAppPassword: '' },
    cores: BOT_CORES,
    ready: readyLine,
  });
}

/**
 * esd-bot from `dir`'s build (dist/src/main.js with `dir`'s start flags, as `npm start` runs it) on a new database of
 * `engine` seeded with `fms`, pinned like bench:turn; `nodeArgs` go before the script.
 */
export async function startSeededEsdBot(options: {
  dir: string;
  engine: 'sqlite' | 'postgres';
  label: string;
  fms: readonly BenchFm[];
  nodeArgs?: readonly string[];
}): Promise<{ child: Child; db: BenchDatabase }> {
  const db = await createBenchDatabase(options.engine, options.label);
  try {
    const store = await Store.open(db.target);
    await seedBenchFms(store, options.fms.length);
    await store.close();
    const target: Record<string, string> =
      db.target.kind === 'sqlite'
        ? { SQLITE_PATH: db.target.path }
        : { DATABASE_URL: db.target.url };
    const child = await spawnCommand(
      process.execPath,
      [...(options.nodeArgs ?? []), ...esdBotNodeArgs(options.dir)],
      {
        cwd: resolve(options.dir),
        env: { PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'info', MicrosoftAppId: '', ...target },
        cores: BOT_CORES,
        ready: esdBotListening,
      },
    );
    return { child, db };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** "change date contoso" from every FM: each now has the change card open, as bench:turn primes it. */
export async function openChangeCards(
  botUrl: string,
  fms: readonly BenchFm[],
  connectorUrl: string,
): Promise<void> {
  for (const fm of fms) {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(fm, 'change date contoso', connectorUrl)),
    });
    if (response.status !== 200) throw new Error(`priming ${botUrl}: HTTP ${response.status}`);
  }
}

/** The typed date from every FM in turn, `connections` at once, for `seconds`. */
export function typedDateLoad(
  botUrl: string,
  fms: readonly BenchFm[],
  connectorUrl: string,
  connections: number,
): (seconds: number) => Promise<autocannon.Result> {
  const bodies = fms.map((fm) => JSON.stringify(teamsMessage(fm, '15 January', connectorUrl)));
  return (seconds) => {
    let next = 0;
    return autocannon({
      url: `${botUrl}/api/messages`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
  };
}
