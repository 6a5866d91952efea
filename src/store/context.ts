import type { Kysely } from 'kysely';
import type { EsdWindow, OverwritePolicy } from '../domain/index.js';
import type { Engine } from './engine.js';
import type { Database } from './schema.js';

export interface StoreContext {
  db: Kysely<Database>;
  engine: Engine;
  now: () => Date;
  window: EsdWindow;
  overwritePolicy: OverwritePolicy;
  /**
   * Test seam: called after each statement of a multi-statement write, so a suite can make the
   * process fail between two statements and prove nothing was half-written.
   */
  afterStatement?: (step: string) => void | Promise<void>;
}

export const isoNow = (ctx: StoreContext) => ctx.now().toISOString();
