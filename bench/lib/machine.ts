import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { BENCH_DATABASE_URL } from './databases.js';
import { PINNING, ROOT } from './proc.js';

export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  ramGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  sqlite: string;
  packages: Record<string, string>;
  pinning: boolean;
  commit: string;
}

function version(pkg: string): string {
  try {
    const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
    return String(json.version);
  } catch {
    return 'not installed';
  }
}

export async function machine(): Promise<Machine> {
  let postgres = 'unavailable';
  const client = new pg.Client({
    connectionString: BENCH_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    postgres = String((await client.query('show server_version')).rows[0]?.server_version);
  } catch {
    // reported as unavailable
  } finally {
    await client.end().catch(() => {});
  }
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('select sqlite_version() as v').get() as { v: string }).v;
  memory.close();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', 'src'], { cwd: ROOT })
      .toString()
      .trim();
    if (dirty) commit += ' (with uncommitted changes in src/)';
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    // Every online CPU, whatever this process's own affinity (the benchmarks pin themselves).
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    ramGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    postgres,
    sqlite,
    packages: Object.fromEntries(
      [
        'botbuilder',
        'botbuilder-dialogs',
        'restify',
        'kysely',
        'better-sqlite3',
        'pg',
        'autocannon',
        'adaptivecards-templating',
      ].map((p) => [p, version(p)]),
    ),
    pinning: PINNING,
    commit,
  };
}
