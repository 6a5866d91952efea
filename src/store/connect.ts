import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import * as initial from './migrations/001-initial.js';
import * as delivery from './migrations/002-delivery.js';
import * as replays from './migrations/003-webhook-replays.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * SQLite takes its write lock at BEGIN IMMEDIATE, not at the first write: two processes on one
 * file (the server and a CLI command) then wait on the busy timeout instead of failing with
 * SQLITE_BUSY halfway through a transaction.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase.Database) {
    super({ database });
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

function openSqlite(path: string): SqliteDatabase.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

export function connect(target: DatabaseTarget, options: { poolSize?: number } = {}): Connection {
  if (target.kind === 'sqlite') {
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(openSqlite(target.path)),
    });
    return { db, engine: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // A query stuck behind a lock or a dead server must not hold a turn forever.
    statement_timeout: 15_000,
  });
  // A client that loses its server emits 'error', idle in the pool or checked out between two
  // statements of a transaction; unheard, that kills the process. The query in progress, or the
  // next one, fails on its own and the pool replaces the client.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

function provider(engine: Engine): MigrationProvider {
  const all: Record<string, Migration> = {
    '001-initial': { up: (db) => initial.up(db, engine) },
    '002-delivery': { up: (db) => delivery.up(db) },
    '003-webhook-replays': { up: (db) => replays.up(db) },
  };
  return { getMigrations: async () => all };
}

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrate(connection: Connection): Promise<void> {
  const migrator = new Migrator({ db: connection.db, provider: provider(connection.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}
