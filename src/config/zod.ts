import { createRequire } from 'node:module';
import type { z as Z } from 'zod';

/**
 * zod, from its CommonJS build: src/ imports `z` from here, never from 'zod'. Its ES module
 * build is ~100 modules, and Node's ES module loader leaves more memory behind per module than
 * require: ~3 MiB of idle RSS on Node 20 (issue 20). The same code; one copy in the process.
 */
export const z: typeof Z = createRequire(import.meta.url)('zod').z;

/** The types src/ reads through `z.` (a const carries no types of its own). */
export declare namespace z {
  export type infer<T> = Z.infer<T>;
  export type output<T> = Z.output<T>;
  export type ZodType<O = unknown, I = unknown> = Z.ZodType<O, I>;
  export type ZodError<T = unknown> = Z.ZodError<T>;
}
