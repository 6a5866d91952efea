import type { Compilable, CompiledQuery, InferResult, Kysely } from 'kysely';
import type { Engine } from './engine.js';
import type { Database } from './schema.js';

/** What a placeholder value looks like inside the compiled parameters: nothing a caller sends. */
const SLOT = '\u0000esd-bot:slot:';

interface Compiled<R> {
  template: CompiledQuery<R>;
  /** For each compiled parameter, the index of the value that goes there, or null (a constant). */
  slots: readonly (number | null)[];
}

/**
 * A query kysely builds and compiles once per engine, then runs with each call's values in the
 * places of its placeholders. For the reads every bot turn makes: building and compiling a small
 * query (kysely's parsers, its frozen nodes, the visitor) cost this process more CPU than SQLite
 * running it. The SQL text is kysely's own, so the results are too. Only for queries whose text
 * does not depend on their values (no `in` list of varying length, no optional condition), and
 * whose placeholders stand for text.
 */
export class ReusedQuery<Q extends Compilable<unknown>, A extends readonly string[]> {
  private readonly compiled = new Map<Engine, Compiled<InferResult<Q>[number]>>();

  constructor(
    private readonly arity: A['length'],
    private readonly build: (db: Kysely<Database>, ...placeholders: string[]) => Q,
  ) {}

  async execute(db: Kysely<Database>, engine: Engine, ...values: A): Promise<InferResult<Q>> {
    const { template, slots } = this.compiled.get(engine) ?? this.compile(db, engine);
    const parameters = template.parameters.map((constant, i) => {
      const slot = slots[i] as number | null;
      return slot === null ? constant : values[slot];
    });
    return (await db.executeQuery({ ...template, parameters })).rows as InferResult<Q>;
  }

  private compile(db: Kysely<Database>, engine: Engine): Compiled<InferResult<Q>[number]> {
    const placeholders = Array.from({ length: this.arity }, (_, i) => `${SLOT}${i}`);
    const template = this.build(db, ...placeholders).compile() as CompiledQuery<
      InferResult<Q>[number]
    >;
    const slots = template.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SLOT) ? Number(p.slice(SLOT.length)) : null,
    );
    // Each placeholder must have become a parameter, or its value would be silently left out.
    for (let i = 0; i < this.arity; i++)
      if (!slots.includes(i)) throw new Error(`ReusedQuery: placeholder ${i} is not a parameter`);
    const compiled = { template, slots };
    this.compiled.set(engine, compiled);
    return compiled;
  }
}
