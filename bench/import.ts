/**
 * How long `npm run import` takes for a large file: 100,000 workload rows (20,000 tenants × 5
 * workloads, 200 FMs, a partner's share, every L1 status, dates and estimates), into an empty
 * database, then the same file again (a re-run: nothing to write). Not part of the test suite.
 *
 *   npx tsx bench/import.ts                                  SQLite, one transaction, 100k rows
 *   npx tsx bench/import.ts --rows 20000 --continue-on-error
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import.ts --engine postgres
 *
 * Writes its figures to bench/import-result.json (one entry per engine and mode, replaced on
 * each run) and prints them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { csvLine } from '../src/csv/csv.js';
import { addDays, calendarDateIn, type WorkloadCode } from '../src/domain/index.js';
import { parseImportCsv, WORKLOAD_COLUMNS } from '../src/import-export/workloads-format.js';
import type { DatabaseTarget } from '../src/store/connect.js';
import { Store } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'sqlite' },
    'continue-on-error': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const ENGINE = values.engine;
if (!Number.isInteger(ROWS) || ROWS < 5 || (ENGINE !== 'sqlite' && ENGINE !== 'postgres')) {
  process.stderr.write('Usage: npx tsx bench/import.ts [--rows N] [--engine sqlite|postgres]\n');
  process.exit(2);
}
const CONTINUE = values['continue-on-error'] ?? false;

const CODES: WorkloadCode[] = ['EXO', 'TEAMS', 'SPO', 'OD', 'INTUNE'];
const STATUSES = [
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'blocked',
  'status_unknown',
  'no_intent',
  'duplicate_invalid',
];
const BASES = ['kickoff_meeting', 'two_way_email', 'phone_call', 'planned'];

/** A deterministic pseudo-random sequence, so every run imports the same file. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function guid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `b0000000-0000-4000-8000-${hex}`;
}

function generate(rows: number): string {
  const next = random(42);
  const today = calendarDateIn(new Date(), 'UTC');
  let out = csvLine(WORKLOAD_COLUMNS);
  for (let i = 0; i < rows; i++) {
    const tenant = Math.floor(i / CODES.length);
    const code = CODES[i % CODES.length] as WorkloadCode;
    const status = STATUSES[Math.floor(next() * STATUSES.length)] as string;
    const partner = tenant % 20 === 0;
    const fm = `fm${tenant % 200}@example.com`;
    let date = '';
    let estimate = '';
    let basis = '';
    if (status === 'in_progress' && next() < 0.7) {
      if (next() < 0.1) {
        // R9: the first of a coming month.
        const month = addDays(today, 31 + Math.floor(next() * 600)).slice(0, 7);
        date = `${month}-01`;
        estimate = 'true';
        basis = 'estimated';
      } else {
        date = addDays(today, Math.floor(next() * 700) - 30);
        estimate = 'false';
        basis = BASES[Math.floor(next() * BASES.length)] as string;
      }
    }
    out += csvLine([
      guid(tenant),
      `tenant${tenant}.onmicrosoft.com`,
      tenant % 7 === 0 ? `Customer ${tenant}, "Group" Ltd` : `Customer ${tenant}`,
      code,
      status,
      partner ? 'frp' : 'fm',
      partner ? '' : fm,
      '',
      partner ? 'Adatum Consulting' : '',
      date,
      estimate,
      basis,
    ]);
  }
  return out;
}

async function database(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (ENGINE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'esd-bot-bench-'));
    return {
      target: { kind: 'sqlite', path: join(dir, 'bench.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!admin)
    throw new Error(
      '--engine postgres needs TEST_DATABASE_URL (a server where databases may be created)',
    );
  const name = `esd_bench_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: () => run(`drop database if exists ${name} with (force)`),
  };
}

const seconds = (ms: number) => Math.round(ms) / 1000;

const text = generate(ROWS);
const db = await database();
const store = await Store.open(db.target);
try {
  const parseStart = performance.now();
  const parsed = parseImportCsv(text);
  const parseMs = performance.now() - parseStart;
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  if (parsed.rejected.length) throw new Error(`${parsed.rejected.length} generated rows rejected`);

  const options = { fileName: 'bench.csv', continueOnError: CONTINUE };
  const importStart = performance.now();
  const first = await store.importWorkloadRows(parsed.rows, options);
  const importMs = performance.now() - importStart;
  if (!first.committed || first.rejected.length)
    throw new Error(`import failed: ${JSON.stringify(first.rejected.slice(0, 3))}`);

  const rerunStart = performance.now();
  const again = await store.importWorkloadRows(parsed.rows, options);
  const rerunMs = performance.now() - rerunStart;
  if (again.datesWritten !== 0) throw new Error('a re-run wrote dates');

  const result = {
    engine: ENGINE,
    mode: CONTINUE ? 'continue-on-error' : 'one transaction',
    rows: ROWS,
    bytes: Buffer.byteLength(text),
    datesWritten: first.datesWritten,
    parseSeconds: seconds(parseMs),
    importSeconds: seconds(importMs),
    rowsPerSecond: Math.round(ROWS / (importMs / 1000)),
    rerunSeconds: seconds(rerunMs),
    node: process.version,
    measuredAt: new Date().toISOString(),
  };
  const file = join(dirname(fileURLToPath(import.meta.url)), 'import-result.json');
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as (typeof result)[])
    : [];
  const kept = previous.filter(
    (r) => !(r.engine === result.engine && r.mode === result.mode && r.rows === result.rows),
  );
  writeFileSync(file, `${JSON.stringify([...kept, result], null, 2)}\n`);
  process.stdout.write(
    `${ROWS} rows on ${ENGINE} (${result.mode}): parsed in ${result.parseSeconds} s, imported in ${result.importSeconds} s (${result.rowsPerSecond} rows/s, ${result.datesWritten} dates), re-run in ${result.rerunSeconds} s. Written to ${file}\n`,
  );
} finally {
  await store.close();
  await db.drop();
}
