import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { scaled } from '../support/time.js';

let database: TestDatabase;
let tried = 0;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
});
afterAll(async () => {
  console.info(`CLI fuzz: ${tried} command lines`);
  await database?.drop();
});

/** One CLI process's bound (tsx start-up takes seconds on a busy machine); scaled. */
const SPAWN_MS = 60_000;
/** Most runs of one property below. */
const RUNS = 15;
// A test's limit is the sum of its processes' bounds: it ends when they do, however slow each is.
vi.setConfig({ testTimeout: scaled(RUNS * SPAWN_MS) });

function run(script: string, args: string[]) {
  if (database.target.kind !== 'sqlite') throw new Error('sqlite');
  return spawnSync('node', ['--import', 'tsx', script, ...args], {
    env: {
      ...process.env,
      SQLITE_PATH: database.target.path,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
    },
    encoding: 'utf8',
    timeout: scaled(SPAWN_MS),
  });
}

const arg = fc.oneof(
  fc.constantFrom(
    '--upn',
    '--role',
    '--partner',
    '--revoke',
    '--list',
    '--as-of',
    '--',
    '-x',
    '--help',
  ),
  fc.constantFrom(
    'gateway',
    'manager',
    'frp',
    'a@b.c',
    '2026-12-01T10:00:00Z',
    '2026-13-01T10:00Z',
    '',
  ),
  // A NUL cannot be passed in a process argument at all.
  fc.string({ maxLength: 20 }).map((s) => s.split('\u0000').join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.split('\u0000').join('')),
);

describe.each([
  ['src/cli/grant.ts', 'npm run grant'],
  ['src/cli/reminders.ts', 'npm run reminders'],
])('%s with generated arguments', (script, usage) => {
  it('exits 0, 1 or 2 with a message, never with a stack trace', () => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 5 }), (args) => {
        tried++;
        const result = run(script, args);
        expect([0, 1, 2]).toContain(result.status);
        expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
        if (result.status === 2) expect(result.stderr).toContain(usage);
      }),
      // Each run starts a process (the reminders one also a bot): a few dozen lines in all.
      { numRuns: script.includes('reminders') ? 8 : RUNS },
    );
  });
});
