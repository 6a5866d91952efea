import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { alex, cardText, TeamsHarness } from '../support/teams.js';
import { scaled } from '../support/time.js';

const run = promisify(execFile);
/** One CLI process's bound (tsx start-up takes seconds on a busy machine); scaled. */
const CLI_MS = 60_000;
// A test runs up to two CLI processes: its limit is theirs plus a margin, not vitest's default.
vi.setConfig({ testTimeout: scaled(3 * CLI_MS) });

let teams: TeamsHarness;
beforeEach(async () => {
  teams = await TeamsHarness.start();
});
afterEach(async () => teams?.close());

function cli(args: string[]) {
  const target = teams.database.target;
  if (target.kind !== 'sqlite') throw new Error('sqlite only');
  return run('npx', ['tsx', 'src/cli/reminders.ts', ...args], {
    env: {
      ...process.env,
      SQLITE_PATH: target.path,
      LOG_LEVEL: 'silent',
      PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
    },
    timeout: scaled(CLI_MS),
  });
}

it('npm run reminders -- --as-of: one sweep beside the running server on the same SQLite file, then exits', async () => {
  await teams.install(alex);
  const { stdout } = await cli(['--as-of', '2026-11-22T10:00:00Z']);
  expect(stdout).toMatch(/queued 1 reminder\(s\).*sent 1/);
  expect(cardText(teams.lastCard())).toContain(
    'Today is the Engagement Start Date of Exchange Online at Fabrikam Inc',
  );
  // Again: nothing more (one reminder per workload and date).
  const again = await cli(['--as-of', '2026-11-22T10:05:00Z']);
  expect(again.stdout).toMatch(/queued 0 reminder\(s\).*sent 0/);
});

it('refuses a malformed --as-of with a usage message and exit code 2', async () => {
  const failure = await cli(['--as-of', 'tomorrow']).catch((error) => error);
  expect(failure.code).toBe(2);
  expect(failure.stderr).toContain('--as-of');
  expect(failure.stderr).toContain('Usage: npm run reminders');
});
