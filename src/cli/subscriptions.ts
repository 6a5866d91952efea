import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from '../config/zod.js';
import { EVENT_TYPE_NAMES, type Subscription } from '../store/index.js';
import { openConfiguredStore, runCli, UsageError } from './open-store.js';

const USAGE = `Usage:
  npm run subscriptions -- add --url <https://...> [--types <type,...>] [--secret <secret>]
                                          push the event feed to a webhook (the secret is generated
                                          and printed once when not given)
  npm run subscriptions -- list           every subscription: url, filter, state, cursor, failures
  npm run subscriptions -- remove <id>    stop pushing to it (what it had queued is cancelled)
  npm run subscriptions -- resume <id>    a suspended subscription: active again, held pushes sent
  npm run subscriptions -- replay <id> --from <cursor>
                                          push again every event after <cursor> (within retention)
Event types: ${EVENT_TYPE_NAMES.join(', ')}`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parsedUrl(v: string): URL | null {
  try {
    return new URL(v);
  } catch {
    return null;
  }
}

/** HTTPS, or plain HTTP to this machine only (a receiver under test or behind a local proxy). */
const url = z
  .string({ error: 'is required' })
  .trim()
  .max(2000)
  .superRefine((v, ctx) => {
    const parsed = parsedUrl(v);
    if (!parsed) ctx.addIssue({ code: 'custom', message: 'must be an absolute URL' });
    else if (
      parsed.protocol !== 'https:' &&
      !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))
    )
      ctx.addIssue({
        code: 'custom',
        message: 'must be https:// (http:// only to 127.0.0.1, localhost or [::1])',
      });
    else if (parsed.username || parsed.password)
      ctx.addIssue({ code: 'custom', message: 'must not carry credentials' });
  });

const types = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.enum(EVENT_TYPE_NAMES as [string, ...string[]], {
          error: `each type must be one of ${EVENT_TYPE_NAMES.join(', ')}`,
        }),
      )
      .min(1, 'must name at least one event type (leave --types out for every type)'),
  );

const id = z.uuid({ error: 'must be a subscription id (a UUID, as `list` shows)' });

const addArgs = z
  .object({
    command: z.literal('add'),
    url,
    types: types.optional(),
    // As the Gateway secret: long enough that guessing is out of the question.
    secret: z.string().trim().min(32, 'must be at least 32 characters').max(512).optional(),
  })
  .strict();
const listArgs = z.object({ command: z.literal('list') }).strict();
const idArgs = z.object({ command: z.enum(['remove', 'resume']), id }).strict();
const replayArgs = z
  .object({
    command: z.literal('replay'),
    id,
    from: z
      .string({ error: 'is required: the cursor to push again from (0 is the start)' })
      .regex(/^\d{1,15}$/, 'must be a cursor: the digits GET /api/events returns as `next`')
      .transform(Number),
  })
  .strict();

type Args =
  | z.infer<typeof addArgs>
  | z.infer<typeof listArgs>
  | z.infer<typeof idArgs>
  | z.infer<typeof replayArgs>;

/** Reads the arguments; every mistake is a UsageError (exit 2), before the database is opened. */
function parse(argv: string[]): Args {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        types: { type: 'string' },
        secret: { type: 'string' },
        from: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
  const [command, target, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`, USAGE);
  const schema =
    command === 'add'
      ? addArgs
      : command === 'list'
        ? listArgs
        : command === 'remove' || command === 'resume'
          ? idArgs
          : command === 'replay'
            ? replayArgs
            : null;
  if (!schema)
    throw new UsageError(command ? `unknown command "${command}"` : 'a command is required', USAGE);
  const input = { command, ...(target !== undefined ? { id: target } : {}), ...values };
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new UsageError(
      result.error.issues
        .map((i) =>
          i.code === 'unrecognized_keys'
            ? `${command} does not take ${i.keys.map((k) => (k === 'id' ? 'an id' : `--${k}`)).join(', ')}`
            : `${i.path.join('.') || 'arguments'}: ${i.message}`,
        )
        .join('\n'),
      USAGE,
    );
  }
  return result.data;
}

function describe(s: Subscription): string {
  return [
    s.id,
    s.url,
    `types=${s.types.length > 0 ? s.types.join(',') : 'all'}`,
    `state=${s.state}`,
    `cursor=${s.cursor}`,
    `failures=${s.consecutiveFailures}`,
    `suspended=${s.suspendedAt ?? 'no'}`,
    ...(s.lastError && s.consecutiveFailures > 0 ? [`last_error=${s.lastError}`] : []),
  ].join('\t');
}

await runCli(async (config) => {
  const args = parse(process.argv.slice(2));
  const store = await openConfiguredStore(config);
  try {
    switch (args.command) {
      case 'add': {
        const secret = args.secret ?? randomBytes(32).toString('base64url');
        const added = await store.addSubscription({
          url: args.url,
          types: args.types ?? [],
          secret,
        });
        process.stdout.write(
          `Added subscription ${added.id}: ${added.url}, ${added.types.length > 0 ? added.types.join(', ') : 'every event type'}, from cursor ${added.cursor} (events written from now on).\n`,
        );
        if (!args.secret)
          process.stdout.write(`Signing secret (shown once; give it to the receiver): ${secret}\n`);
        return 0;
      }
      case 'list': {
        const all = await store.listSubscriptions();
        if (all.length === 0) process.stdout.write('No subscriptions.\n');
        for (const s of all) process.stdout.write(`${describe(s)}\n`);
        return 0;
      }
      case 'remove': {
        const removed = await store.removeSubscription(args.id);
        process.stdout.write(
          removed ? `Removed subscription ${args.id}.\n` : `No subscription ${args.id}.\n`,
        );
        return removed ? 0 : 1;
      }
      case 'resume':
      case 'replay': {
        const from = args.command === 'replay' ? args.from : undefined;
        const result = await store.reactivateSubscription(args.id, from);
        if (result.status === 'not_found') {
          process.stderr.write(`No subscription ${args.id}.\n`);
          return 1;
        }
        if (result.status === 'expired') {
          process.stderr.write(
            `Cursor ${from} is older than the events still held (EVENT_RETENTION_DAYS=${config.retention.eventDays}): the oldest cursor to replay from is ${result.oldest}. Nothing changed.\n`,
          );
          return 1;
        }
        if (result.status === 'beyond_end') {
          process.stderr.write(
            `Cursor ${from} is after the end of the feed (its last cursor is ${result.last}). Nothing changed.\n`,
          );
          return 1;
        }
        process.stdout.write(
          from === undefined
            ? `Subscription ${args.id} is active${result.woken > 0 ? `; ${result.woken} held push(es) go out again` : ''}.\n`
            : `Subscription ${args.id} is active and replays every event after cursor ${from}${result.woken > 0 ? `; ${result.woken} held push(es) go out again` : ''}.\n`,
        );
        return 0;
      }
    }
  } finally {
    await store.close();
  }
});
