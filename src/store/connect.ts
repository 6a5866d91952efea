import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import type { DatabaseConnection, Migration, MigrationProvider, QueryResult } from 'kysely';
import type pg from 'pg';
import type { Engine } from './engine.js';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
} from './kysely.js';
import * as initial from './migrations/001-initial.js';
import * as delivery from './migrations/002-delivery.js';
import * as replays from './migrations/003-webhook-replays.js';
import * as reminderTokens from './migrations/004-reminder-tokens.js';
import * as sweepWatermark from './migrations/006-sweep-watermark.js';
import * as entitlementLines from './migrations/007-entitlement-lines.js';
import * as events from './migrations/008-events.js';
import * as subscriptions from './migrations/009-subscriptions.js';
import * as fmIndexes from './migrations/010-fm-indexes.js';
import * as workloadsWritten from './migrations/011-workloads-written.js';
import * as historyByWorkload from './migrations/012-history-by-workload.js';
import { preparedName } from './prepared.js';
import type { Database } from './schema.js';

export type { Engine };

// Only the engine in use loads its driver (both are CommonJS, required when connecting): pg's
// ~40 modules stay out of a SQLite process, better-sqlite3's native module out of a PostgreSQL
// one (issue 20: idle memory).
const require = createRequire(import.meta.url);

/**
 * pg's client, but a query whose text is registered in prepared.ts goes as a named prepared
 * statement (pg's `{ name, text, values }`): the server parses and plans it once per connection.
 * kysely calls `query(text, values)`; every other query goes through unchanged.
 */
function preparingClient(driver: typeof pg): typeof pg.Client {
  return class PreparingClient extends driver.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads of query, passed through as they are
    override query(config: any, values?: any, callback?: any): any {
      const name = typeof config === 'string' ? preparedName(config) : undefined;
      if (name !== undefined) return super.query({ name, text: config, values }, callback);
      return super.query(config, values, callback);
    }
  };
}

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/** Prepared statements kept per SQL text; the least recently added goes first beyond this. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Statements run synchronously on SQLite's one connection, through the same statement cache as
 * kysely's queries (SQLite's write path, write-transaction.ts: no await between them). Only for
 * code that already holds the connection: inside kysely's transaction or connection callback.
 */
export interface SqliteDirect {
  all(sql: string, parameters: readonly unknown[]): unknown[];
  run(
    sql: string,
    parameters?: readonly unknown[],
  ): { changes: number; lastInsertRowid: number | bigint };
}

/** Each SQLite Kysely instance opened by connect(), to its connection. */
const directs = new WeakMap<Kysely<Database>, SqliteDirect>();

/** The synchronous handle behind a SQLite Kysely instance from connect(); else undefined. */
export function sqliteDirect(db: Kysely<Database>): SqliteDirect | undefined {
  return directs.get(db);
}

/**
 * kysely's SQLite connection, but each distinct SQL text is prepared once and the statement
 * reused: kysely's own prepares every statement it runs, and preparing (parsing and planning) is
 * most of what a small query costs. Queries differ only by their parameters, so a bot turn's
 * dozen statements come from the cache. Results are exactly kysely's.
 */
class CachedStatementConnection implements DatabaseConnection, SqliteDirect {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(private readonly db: SqliteDatabase.Database) {}

  private prepare(sql: string): SqliteDatabase.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all(sql: string, parameters: readonly unknown[]): unknown[] {
    return this.prepare(sql).all(parameters);
  }

  run(sql: string, parameters: readonly unknown[] = []): SqliteDatabase.RunResult {
    return this.prepare(sql).run(parameters);
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    const statement = this.prepare(sql);
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({
      numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
      insertId:
        lastInsertRowid !== undefined && lastInsertRowid !== null
          ? BigInt(lastInsertRowid)
          : undefined,
      rows: [],
    });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A statement being iterated cannot run anything else: streams get their own.
    const { sql, parameters, query } = compiledQuery;
    if (!SelectQueryNode.is(query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of this.db.prepare(sql).iterate(parameters)) yield { rows: [row as R] };
  }
}

/**
 * SQLite takes its write lock at BEGIN IMMEDIATE, not at the first write: two processes on one
 * file (the server and a CLI command) then wait on the busy timeout instead of failing with
 * SQLITE_BUSY halfway through a transaction. Statements are prepared once (above).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    database: SqliteDatabase.Database,
    private readonly connection: CachedStatementConnection,
  ) {
    super({ database });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    // kysely's driver keeps the one connection behind its mutex; the same mutex guards ours.
    await super.acquireConnection();
    return this.connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: SqliteDatabase.Database,
    readonly connection: CachedStatementConnection,
  ) {
    super({ database });
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.database, this.connection);
  }
}

function openSqlite(path: string): SqliteDatabase.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const Driver = require('better-sqlite3') as typeof SqliteDatabase;
  const sqlite = new Driver(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Temporary files in memory: a group commit's savepoints (write-transaction.ts) keep each
  // piece's original pages in a sub-journal, which otherwise spills to a temp file past 64 KiB,
  // and a change touches about 20 pages: writes to that file made a change's statements 2-3 times
  // slower in a group (issue 20). Sorts and temporary indexes too stay in memory, not in a file.
  sqlite.pragma('temp_store = memory');
  return sqlite;
}

/**
 * Runs `fn` on one connection with SQLite's commits not flushed to disk one by one
 * (synchronous=NORMAL), then restores synchronous=FULL. For data that is cheap to lose on a power
 * cut and rewritten constantly: the bot's dialog state. In WAL mode this never corrupts the file
 * and a crashed process loses nothing; a power cut may lose those last commits, and the next
 * FULL commit (a date change, a message sent) flushes them with it. Holding the one connection
 * keeps every other statement out until FULL is back. PostgreSQL: as is.
 */
export async function withRelaxedDurability<T>(
  db: Kysely<Database>,
  engine: Engine,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (engine !== 'sqlite') return fn(db);
  return db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw('pragma synchronous = normal'));
    try {
      return await fn(conn);
    } finally {
      await conn.executeQuery(CompiledQuery.raw('pragma synchronous = full'));
    }
  });
}

export function connect(target: DatabaseTarget, options: { poolSize?: number } = {}): Connection {
  if (target.kind === 'sqlite') {
    const sqlite = openSqlite(target.path);
    const connection = new CachedStatementConnection(sqlite);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, connection) });
    directs.set(db, connection);
    return { db, engine: 'sqlite', close: () => db.destroy() };
  }
  const driver = require('pg') as typeof pg;
  const pool = new driver.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    Client: preparingClient(driver),
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

/** Every migration, by name (exported for the tests that migrate a database step by step). */
export function migrationProvider(engine: Engine): MigrationProvider {
  const all: Record<string, Migration> = {
    '001-initial': { up: (db) => initial.up(db, engine) },
    '002-delivery': { up: (db) => delivery.up(db) },
    '003-webhook-replays': { up: (db) => replays.up(db) },
    '004-reminder-tokens': { up: (db) => reminderTokens.up(db) },
    '006-sweep-watermark': { up: (db) => sweepWatermark.up(db, engine) },
    '007-entitlement-lines': { up: (db) => entitlementLines.up(db) },
    '008-events': { up: (db) => events.up(db, engine) },
    '009-subscriptions': { up: (db) => subscriptions.up(db) },
    '010-fm-indexes': { up: (db) => fmIndexes.up(db) },
    '011-workloads-written': { up: (db) => workloadsWritten.up(db, engine) },
    '012-history-by-workload': { up: (db) => historyByWorkload.up(db) },
  };
  return { getMigrations: async () => all };
}

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrate(connection: Connection): Promise<void> {
  const migrator = new Migrator({
    db: connection.db,
    provider: migrationProvider(connection.engine),
    // Names start with three digits: plain order is kysely's localeCompare order, without
    // building an ICU collator (~2 MiB of RSS) at every start (issue 20).
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}
