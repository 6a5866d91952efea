import { createRequire } from 'node:module';
import type * as K from 'kysely';

/**
 * kysely's values, from its CommonJS build; its types come from 'kysely' by `import type`.
 * Its ES module build is 264 modules, and Node's ES module loader costs far more per module
 * than require: loaded as ES modules they left ~8 MiB more RSS at idle (issue 20). The two
 * builds are the same code. Everything in src/ that needs a kysely value imports it from here,
 * so one copy of kysely runs (events.ts compares adapters by class).
 */
const kysely = createRequire(import.meta.url)('kysely') as typeof K;

export const {
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
  sql,
} = kysely;
// Both a value and a type where they are used.
export const Kysely = kysely.Kysely;
export type Kysely<DB> = K.Kysely<DB>;
export const CompiledQuery = kysely.CompiledQuery;
export type CompiledQuery<O = unknown> = K.CompiledQuery<O>;
