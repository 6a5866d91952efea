/**
 * npm run import and npm run export as a person runs them: real processes on a SQLite file,
 * their exit codes, what they print, and the files they write.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../src/csv/csv.js';
import { workloadsCsv } from '../../src/import-export/workloads-format.js';
import { Store } from '../../src/store/store.js';
import { scaled } from '../support/time.js';

const run = promisify(execFile);
/** One CLI process's bound (tsx start-up takes seconds on a busy machine); scaled. */
const CLI_MS = 60_000;
// A test runs up to two CLI processes: its limit is theirs plus a margin, not vitest's default.
vi.setConfig({ testTimeout: scaled(3 * CLI_MS) });
const SAMPLE = join(import.meta.dirname, '../../docs/sample-import.csv');
/** tsx itself, not through npx: a second less per run. */
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'esd-bot-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(script: 'import' | 'export', args: string[], db: string): Promise<Result> {
  try {
    const { stdout, stderr } = await run(TSX, [`src/cli/${script}.ts`, ...args], {
      env: { ...process.env, SQLITE_PATH: db, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      timeout: scaled(CLI_MS),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import', () => {
  it('imports a file, says what it did, and a second run changes nothing', async () => {
    const db = join(dir, 'import.db');
    const first = await cli('import', [SAMPLE], db);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(
      `Imported 7 workload(s) from ${SAMPLE}: 3 date(s) written, 0 already as in the file.`,
    );
    // Not a terminal: no progress bar.
    expect(first.stdout).not.toContain('\r');
    const again = await cli('import', [SAMPLE], db);
    expect(again.stdout).toContain('0 date(s) written, 3 already as in the file.');
  });

  it('reports every rejected row with its line and reason, writes nothing, exits 1', async () => {
    const db = join(dir, 'bad.db');
    const file = join(dir, 'bad.csv');
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    lines[2] = (lines[2] as string).replace(',TEAMS,', ',TEEMS,');
    lines[4] = (lines[4] as string).replace(',,,,', ',,2026-12-10,false,planned'); // SPO is Blocked
    writeFileSync(file, lines.join('\r\n'));
    const result = await cli('import', [file], db);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Rejected rows (2):');
    expect(result.stdout).toMatch(/line 3: workload_code: must be one of EXO, OLM/);
    expect(result.stdout).toContain(
      'line 5: SharePoint Online is Blocked. Only In Progress workloads have an Engagement Start Date',
    );
    expect(result.stdout).toContain('Nothing was imported');

    const store = await Store.open({ kind: 'sqlite', path: db });
    try {
      expect(await store.isEmpty()).toBe(true);
    } finally {
      await store.close();
    }

    const partial = await cli('import', [file, '--continue-on-error'], db);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain(
      'Imported 5 workload(s) from', // 7 rows, 2 rejected
    );
    expect(partial.stdout).toContain('2 row(s) rejected and skipped');
  });

  it('draws a progress bar on a terminal', async () => {
    const db = join(dir, 'tty.db');
    const { stdout } = await run(
      'script',
      ['-qec', `${TSX} src/cli/import.ts ${SAMPLE}`, '/dev/null'],
      { env: { ...process.env, SQLITE_PATH: db, DATABASE_URL: '', LOG_LEVEL: 'silent' } },
    );
    expect(stdout).toMatch(/\[#{30}\] 100% 7\/7 rows/);
  });

  it.each([
    [[], /a CSV file is required/],
    [['--force', SAMPLE], /Unknown option '--force'/],
    [[join(tmpdir(), 'esd-bot-no-such-file.csv')], /cannot read .*esd-bot-no-such-file\.csv/],
  ])('usage error %j: a clear message and exit 2', async (args, message) => {
    const result = await cli('import', args, join(dir, 'usage.db'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage:\n  npm run import');
  });
});

describe('npm run export', () => {
  let db: string;
  beforeAll(async () => {
    db = join(dir, 'export.db');
    const store = await Store.open({ kind: 'sqlite', path: db });
    try {
      await store.seedDemoData();
    } finally {
      await store.close();
    }
  });

  it('writes the import format to standard output, the summary to standard error', async () => {
    const result = await cli('export', ['--format', 'csv'], db);
    expect(result.code).toBe(0);
    const store = await Store.open({ kind: 'sqlite', path: db });
    try {
      expect(result.stdout).toBe(workloadsCsv(await store.exportSnapshot()));
    } finally {
      await store.close();
    }
    expect(result.stderr).toMatch(
      /Exported 5 tenant\(s\), 16 workload\(s\), 10 date change\(s\), 10 note\(s\)/,
    );
  });

  it('with --with-history, writes workloads, changes and notes to a folder', async () => {
    const out = join(dir, 'export-folder');
    const result = await cli('export', ['--format', 'csv', '--with-history', '--out-dir', out], db);
    expect(result.code).toBe(0);
    expect(parseCsv(readFileSync(join(out, 'workloads.csv'), 'utf8'))).toHaveLength(17);
    expect(parseCsv(readFileSync(join(out, 'esd_changes.csv'), 'utf8'))).toHaveLength(11);
    expect(parseCsv(readFileSync(join(out, 'status_notes.csv'), 'utf8'))).toHaveLength(11);
  });

  it('writes one JSON document to a file', async () => {
    const file = join(dir, 'export.json');
    const result = await cli('export', ['--format', 'json', '--out', file], db);
    expect(result.code).toBe(0);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { tenants: { changes: unknown[] }[] };
    expect(json.tenants.flatMap((t) => t.changes)).toHaveLength(10);
  });

  it.each([
    [[], /--format must be csv or json/],
    [['--format', 'csv', '--with-history'], /give a folder with --out-dir/],
    [
      ['--format', 'json', '--with-history', '--out-dir', 'x'],
      /the JSON export always has the history/,
    ],
    [['--format', 'csv', '--out', 'a', '--out-dir', 'b'], /one or the other/],
  ])('usage error %j: a clear message and exit 2', async (args, message) => {
    const result = await cli('export', args, db);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage:\n  npm run export');
    expect(existsSync('x')).toBe(false);
  });
});
