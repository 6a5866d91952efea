import type { StoreContext } from './context.js';
import { purgeEvents } from './events.js';

const DAY_MS = 86_400_000;

/** Rows deleted per statement: short transactions, so a purge never holds SQLite's writer long. */
export const PURGE_BATCH = 500;

/** Webhook replay rows matter for minutes (the signature window); a day is far past any use. */
const REPLAY_RETENTION_MS = DAY_MS;

/** Outbox rows that are finished: nothing will send them again. */
const FINISHED = ['sent', 'cancelled', 'dead'] as const;

export interface RetentionPolicy {
  /** Dialog state not touched for this many days is deleted (a conversation left half done). */
  botStateDays: number;
  /** Sent, cancelled and dead-lettered outbox rows are deleted this many days after queueing. */
  outboxDays: number;
  /** Events older than this many days leave the feed (issue 17); absent: events are kept. */
  eventDays?: number;
}

export interface Purged {
  botState: number;
  outbox: number;
  webhookReplays: number;
  events: number;
}

/**
 * Deletes what the retention policy says is no longer needed, in batches of PURGE_BATCH. Safe
 * with several instances at once: each statement deletes by key what is old at that instant, so
 * two purges side by side delete each row once between them and never anything recent.
 */
export async function purgeExpired(ctx: StoreContext, policy: RetentionPolicy): Promise<Purged> {
  const now = ctx.now().getTime();
  const stateCutoff = new Date(now - policy.botStateDays * DAY_MS).toISOString();
  const outboxCutoff = new Date(now - policy.outboxDays * DAY_MS).toISOString();
  const replayCutoff = new Date(now - REPLAY_RETENTION_MS).toISOString();

  const purged: Purged = { botState: 0, outbox: 0, webhookReplays: 0, events: 0 };
  for (;;) {
    const result = await ctx.db
      .deleteFrom('bot_state')
      .where('key', 'in', (eb) =>
        eb
          .selectFrom('bot_state')
          .select('key')
          .where('updated_at', '<', stateCutoff)
          .limit(PURGE_BATCH),
      )
      .where('updated_at', '<', stateCutoff)
      .executeTakeFirst();
    const n = Number(result.numDeletedRows);
    purged.botState += n;
    if (n === 0) break;
  }
  for (;;) {
    const result = await ctx.db
      .deleteFrom('outbox')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', 'in', FINISHED)
          .where('created_at', '<', outboxCutoff)
          .limit(PURGE_BATCH),
      )
      .where('status', 'in', FINISHED)
      .where('created_at', '<', outboxCutoff)
      .executeTakeFirst();
    const n = Number(result.numDeletedRows);
    purged.outbox += n;
    if (n === 0) break;
  }
  for (;;) {
    const result = await ctx.db
      .deleteFrom('webhook_replays')
      .where('signature', 'in', (eb) =>
        eb
          .selectFrom('webhook_replays')
          .select('signature')
          .where('seen_at', '<', replayCutoff)
          .limit(PURGE_BATCH),
      )
      .where('seen_at', '<', replayCutoff)
      .executeTakeFirst();
    const n = Number(result.numDeletedRows);
    purged.webhookReplays += n;
    if (n === 0) break;
  }
  if (policy.eventDays !== undefined)
    purged.events = await purgeEvents(ctx, policy.eventDays, PURGE_BATCH);
  return purged;
}

/**
 * Messages still not delivered (pending or waiting for a person the bot cannot reach) that were
 * queued more than `days` ago: nobody is reading them, someone should look.
 */
export async function countLongWaiting(ctx: StoreContext, days = 7): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - days * DAY_MS).toISOString();
  const row = await ctx.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'waiting'])
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
