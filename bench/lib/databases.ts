import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/store/connect.js';
import { ROOT } from './proc.js';

/** Where PostgreSQL benchmarks create (and drop) their databases. */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Scratch space for the benchmarks' SQLite files and results; on the same disk as ./data. */
export const DATA_DIR = join(ROOT, 'bench', '.data');

export interface BenchDatabase {
  engine: 'sqlite' | 'postgres';
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: BENCH_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new SQLite file under bench/.data (a real disk, like ./data) or a new PostgreSQL database. */
export async function createBenchDatabase(
  engine: 'sqlite' | 'postgres',
  label: string,
): Promise<BenchDatabase> {
  const suffix = randomBytes(4).toString('hex');
  if (engine === 'sqlite') {
    const dir = join(DATA_DIR, 'db', `${label}-${suffix}`);
    mkdirSync(dir, { recursive: true });
    return {
      engine,
      target: { kind: 'sqlite', path: join(dir, 'esd-bot.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `esd_bench_${label.replace(/\W/g, '_')}_${suffix}`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    engine,
    target: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
