import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from '../config/zod.js';
import { explainViolation } from '../i18n/explain.js';
import { parseImportCsv, type RejectedRow } from '../import-export/workloads-format.js';
import type { ImportRejection } from '../store/index.js';
import { openConfiguredStore, runCli, UsageError } from './open-store.js';

const USAGE = `Usage:
  npm run import -- <file.csv>                       all rows in one transaction: any rejected row, nothing written
  npm run import -- <file.csv> --continue-on-error   each row on its own: rejected rows skipped, the others written

The file: a header line, then one row per workload (docs/sample-import.csv):
  tenant_id, tenant_name, customer_name, workload_code, l1_status (required),
  delivery_channel (fm|frp|unassigned), fm_upn, fm_aad_object_id, partner_name,
  engagement_start_date (YYYY-MM-DD, optional: R3), estimate (true|false, R9), basis
Running the same file again changes nothing.`;

const args = z.strictObject({
  file: z.string({ error: 'a CSV file is required' }).min(1, 'a CSV file is required'),
  continueOnError: z.boolean(),
});

function readArgs(argv: string[]): z.infer<typeof args> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { 'continue-on-error': { type: 'boolean' } };
      allowPositionals: true;
      strict: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { 'continue-on-error': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
  if (parsed.positionals.length > 1)
    throw new UsageError(`one file at a time (got ${parsed.positionals.length})`, USAGE);
  const result = args.safeParse({
    file: parsed.positionals[0],
    continueOnError: parsed.values['continue-on-error'] ?? false,
  });
  if (!result.success)
    throw new UsageError(result.error.issues.map((i) => i.message).join('\n'), USAGE);
  return result.data;
}

/** A progress bar on a terminal, redrawn at most ten times a second; nothing otherwise. */
function progressBar(total: number, out: NodeJS.WriteStream) {
  if (!out.isTTY || total === 0) return { update: (_done: number) => {}, end: () => {} };
  const width = 30;
  let last = 0;
  const draw = (done: number) => {
    const ratio = Math.min(1, done / total);
    const filled = Math.round(width * ratio);
    out.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total} rows`,
    );
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    end() {
      draw(total);
      out.write('\n');
    },
  };
}

function describeRejection(rejection: ImportRejection): string {
  if (rejection.kind === 'error') return rejection.message;
  // The rules module's reasons, as a person reads them in Teams (English).
  return rejection.violations
    .map((violation) =>
      explainViolation(violation, { workload: rejection.workload, tenant: rejection.tenant }, 'en'),
    )
    .join(' ');
}

function describeInvalid(row: RejectedRow): string {
  return row.problems.map((p) => `${p.column}: ${p.message}`).join('; ');
}

// npm run import -- <file.csv> [--continue-on-error]
await runCli(async (config) => {
  const options = readArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${options.file}: ${(error as Error).message}`, USAGE);
  }
  const out = process.stdout;
  const parsed = parseImportCsv(text);
  if (!parsed.ok) {
    out.write(`${options.file}: nothing was imported.\n`);
    for (const problem of parsed.problems) out.write(`  ${problem}\n`);
    return 1;
  }
  if (parsed.ignored.length)
    out.write(`Columns not read (not part of the format): ${parsed.ignored.join(', ')}\n`);

  const store = await openConfiguredStore(config);
  let outcome: Awaited<ReturnType<typeof store.importWorkloadRows>>;
  try {
    const bar = progressBar(parsed.rows.length, out);
    outcome = await store.importWorkloadRows(parsed.rows, {
      fileName: basename(options.file),
      continueOnError: options.continueOnError,
      invalidRows: parsed.rejected.length,
      onProgress: (done) => bar.update(done),
    });
    bar.end();
  } finally {
    await store.close();
  }

  const rejected = [
    ...parsed.rejected.map((row) => ({ line: row.line, reason: describeInvalid(row) })),
    ...outcome.rejected.map((r) => ({ line: r.line, reason: describeRejection(r) })),
  ].sort((a, b) => a.line - b.line);
  if (rejected.length) {
    out.write(`Rejected rows (${rejected.length}):\n`);
    for (const row of rejected) out.write(`  line ${row.line}: ${row.reason}\n`);
  }
  if (!outcome.committed) {
    out.write(
      `Nothing was imported from ${options.file}: ${rejected.length} row(s) rejected. Fix them and run again, or add --continue-on-error to import the other rows.\n`,
    );
    return 1;
  }
  out.write(
    `Imported ${outcome.accepted} workload(s) from ${options.file}: ${outcome.datesWritten} date(s) written, ${outcome.datesUnchanged} already as in the file${rejected.length ? `; ${rejected.length} row(s) rejected and skipped` : ''}.\n`,
  );
  return rejected.length ? 1 : 0;
});
