import { parseArgs } from 'node:util';
import { createBot } from '../bot/adapter.js';
import { z } from '../config/zod.js';
import { createLogger } from '../log/logger.js';
import { createDelivery } from '../notify/start-delivery.js';
import { openConfiguredStore, runCli, UsageError } from './open-store.js';

const USAGE = `Usage: npm run reminders -- [--as-of <ISO-8601 instant>]

Runs one reminder sweep as of that instant (default: now), sends what is due, and exits.
Example: npm run reminders -- --as-of 2026-12-01T10:00:00-03:00`;

const args = z
  .object({
    'as-of': z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
        'must be an ISO-8601 instant with a time zone, e.g. 2026-12-01T10:00:00Z',
      )
      .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a real date and time')
      .optional(),
  })
  .strict();

// npm run reminders: for cron-style hosting and tests; safe beside a running server (leases).
await runCli(async (config) => {
  let asOfText: string | undefined;
  try {
    const { values } = parseArgs({ options: { 'as-of': { type: 'string' } }, strict: true });
    const parsed = args.safeParse(values);
    if (!parsed.success) {
      throw new UsageError(
        parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
        USAGE,
      );
    }
    asOfText = parsed.data['as-of'];
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message, USAGE);
  }
  const asOf = asOfText ? new Date(asOfText) : new Date();
  const logger = createLogger(config.logLevel);
  const store = await openConfiguredStore(config);
  try {
    const { adapter } = createBot({ store, config, logger, now: () => new Date() });
    const delivery = createDelivery({ store, config, logger, adapter });
    const queued = await delivery.sweepNow(asOf);
    const dueBy = new Date(Math.max(asOf.getTime(), Date.now()));
    const sent = await delivery.dispatcher.runOnce(dueBy);
    await delivery.stop();
    process.stdout.write(
      `As of ${asOf.toISOString()}: queued ${queued.reminders} reminder(s) and ${queued.digests} digest(s); ` +
        `sent ${sent.sent}, retrying ${sent.retry}, waiting ${sent.waiting}, failed ${sent.dead}, skipped ${sent.cancelled}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
});
