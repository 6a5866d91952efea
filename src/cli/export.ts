import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from '../config/zod.js';
import {
  changesCsv,
  exportJson,
  notesCsv,
  workloadsCsv,
} from '../import-export/workloads-format.js';
import { openConfiguredStore, runCli, UsageError } from './open-store.js';

const USAGE = `Usage:
  npm run export -- --format json [--out <file>]                        everything, history and notes included, as one JSON document
  npm run export -- --format csv [--out <file>]                         tenants and workloads in the import format
  npm run export -- --format csv --with-history --out-dir <folder>      workloads.csv, esd_changes.csv and status_notes.csv
Without --out or --out-dir the export goes to standard output.`;

const args = z
  .strictObject({
    format: z.enum(['csv', 'json'], { error: '--format must be csv or json' }),
    out: z.string().min(1).optional(),
    'out-dir': z.string().min(1).optional(),
    'with-history': z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.out && value['out-dir'])
      ctx.addIssue({ code: 'custom', message: '--out and --out-dir: one or the other' });
    if (value['with-history'] && value.format === 'json')
      ctx.addIssue({
        code: 'custom',
        message: '--with-history is for --format csv: the JSON export always has the history',
      });
    if (value['with-history'] && !value['out-dir'])
      ctx.addIssue({
        code: 'custom',
        message: '--with-history writes three files: give a folder with --out-dir',
      });
    if (value['out-dir'] && value.format === 'json')
      ctx.addIssue({
        code: 'custom',
        message: '--out-dir is for --format csv; use --out for JSON',
      });
  });

function readArgs(argv: string[]): z.infer<typeof args> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        'with-history': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
  const result = args.safeParse(values);
  if (!result.success) {
    throw new UsageError(
      result.error.issues
        .map((i) =>
          i.code === 'invalid_value' || i.code === 'invalid_type'
            ? '--format must be csv or json'
            : i.message,
        )
        .join('\n'),
      USAGE,
    );
  }
  return result.data;
}

// npm run export -- --format csv|json [--out <file> | --out-dir <folder> [--with-history]]
await runCli(async (config) => {
  const options = readArgs(process.argv.slice(2));
  const store = await openConfiguredStore(config);
  let snapshot: Awaited<ReturnType<typeof store.exportSnapshot>>;
  try {
    snapshot = await store.exportSnapshot();
  } finally {
    await store.close();
  }
  const workloads = snapshot.tenants.reduce((n, t) => n + t.workloads.length, 0);
  const changes = snapshot.tenants.reduce((n, t) => n + t.changes.length, 0);
  const notes = snapshot.tenants.reduce((n, t) => n + t.notes.length, 0);
  const summary = `${snapshot.tenants.length} tenant(s), ${workloads} workload(s), ${changes} date change(s), ${notes} note(s)`;

  const folder = options['out-dir'];
  if (folder) {
    mkdirSync(folder, { recursive: true });
    const files: [string, string][] = [['workloads.csv', workloadsCsv(snapshot)]];
    if (options['with-history'])
      files.push(
        ['esd_changes.csv', changesCsv(snapshot)],
        ['status_notes.csv', notesCsv(snapshot)],
      );
    for (const [name, text] of files) writeFileSync(join(folder, name), text);
    process.stdout.write(
      `Exported ${summary} to ${files.map(([name]) => join(folder, name)).join(', ')}.\n`,
    );
    return 0;
  }
  const text = options.format === 'json' ? exportJson(snapshot) : workloadsCsv(snapshot);
  if (options.out) {
    writeFileSync(options.out, text);
    process.stdout.write(`Exported ${summary} to ${options.out}.\n`);
  } else {
    // Flushed before the process exits, however large and wherever stdout goes.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
    );
    // The data on standard output, the summary beside it.
    process.stderr.write(`Exported ${summary}.\n`);
  }
  return 0;
});
