/**
 * npm run subscriptions (issue 17, "Push") as an operator runs it: real processes on a SQLite
 * file, their exit codes and what they print. Argument errors are refused before the database
 * is opened: nothing is written.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contextOf, Store } from '../../src/store/store.js';
import { scaled } from '../support/time.js';

const run = promisify(execFile);
/** One CLI process's bound (tsx start-up takes seconds on a busy machine); scaled. */
const CLI_MS = 60_000;
vi.setConfig({ testTimeout: scaled(8 * CLI_MS) });
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'esd-bot-subscriptions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], db: string): Promise<Result> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/subscriptions.ts', ...args], {
      env: {
        ...process.env,
        SQLITE_PATH: db,
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
        DEMO_DATA: 'false',
      },
      timeout: scaled(CLI_MS),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run subscriptions', () => {
  it('refuses bad arguments with a clear message and exit 2, writing nothing', async () => {
    const db = join(dir, 'refused.db');
    const cases: [string[], string][] = [
      [['add', '--url', 'http://example.com/hook'], 'url: must be https://'],
      [['add', '--url', 'not a url'], 'url: must be an absolute URL'],
      [
        ['add', '--url', 'https://example.com/hook', '--types', 'esdbot.esd.changed,esd.typo'],
        'each type must be one of esdbot.esd.changed',
      ],
      [['add', '--url', 'https://example.com/hook', '--secret', 'short'], 'at least 32 characters'],
      [['replay', 'not-an-id', '--from', '3'], 'id: must be a subscription id'],
      [
        ['replay', '0b5e3a34-8a8f-4a44-9a4e-3d8e8a3c1f00'],
        'from: is required: the cursor to push again from',
      ],
      [['list', '--url', 'https://example.com/hook'], 'list does not take --url'],
      [['pause'], 'unknown command "pause"'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, db);
      expect(result, args.join(' ')).toMatchObject({ code: 2 });
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Usage:');
    }
    // Refused before the database was opened: not even the file was created.
    expect(existsSync(db)).toBe(false);
  });

  it('adds with a generated secret shown once, lists, refuses a replay older than retention, removes', async () => {
    const db = join(dir, 'lifecycle.db');
    const added = await cli(
      ['add', '--url', 'https://receiver.example.com/esd', '--types', 'esdbot.esd.changed'],
      db,
    );
    expect(added.code).toBe(0);
    const secret = /Signing secret \(shown once; give it to the receiver\): (\S+)/.exec(
      added.stdout,
    )?.[1];
    expect(secret?.length).toBeGreaterThanOrEqual(43);
    const id = /Added subscription ([0-9a-f-]{36})/.exec(added.stdout)?.[1] as string;

    const listed = await cli(['list'], db);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      `${id}\thttps://receiver.example.com/esd\ttypes=esdbot.esd.changed\tstate=active\tcursor=0\tfailures=0\tsuspended=no\n`,
    );
    expect(listed.stdout).not.toContain(secret);

    // Retention has deleted the feed up to position 5 (as the hourly purge records it).
    const store = await Store.open({ kind: 'sqlite', path: db });
    try {
      await contextOf(store)
        .db.updateTable('event_log')
        .set({ last_position: 9, purged_through: 5 })
        .where('id', '=', 1)
        .execute();
    } finally {
      await store.close();
    }
    const old = await cli(['replay', id, '--from', '2'], db);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain(
      'Cursor 2 is older than the events still held (EVENT_RETENTION_DAYS=30): the oldest cursor to replay from is 5. Nothing changed.',
    );
    const replayed = await cli(['replay', id, '--from', '6'], db);
    expect(replayed.stdout).toContain(
      `Subscription ${id} is active and replays every event after cursor 6.`,
    );
    expect((await cli(['list'], db)).stdout).toContain('\tcursor=6\t');

    expect((await cli(['remove', id], db)).stdout).toBe(`Removed subscription ${id}.\n`);
    expect((await cli(['list'], db)).stdout).toBe('No subscriptions.\n');
  });
});
