import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What operators watch, in Prometheus format at GET /metrics. One registry per process; the
 * outbox depth is read from the database at scrape time, so every instance reports the same.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'esd_' });

/**
 * Label values come from closed sets, so that what a caller sends cannot grow /metrics: 2,000
 * made-up activity types made it 4.4 MB (issue 13, item 8). Anything else is counted as `other`.
 */
export const OTHER = 'other';

/** The Bot Framework activity types (botframework-schema ActivityTypes). */
export const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'message',
  'contactRelationUpdate',
  'conversationUpdate',
  'typing',
  'endOfConversation',
  'event',
  'invoke',
  'invokeResponse',
  'deleteUserData',
  'messageUpdate',
  'messageDelete',
  'installationUpdate',
  'messageReaction',
  'suggestion',
  'trace',
  'handoff',
  'command',
  'commandResult',
]);

/** The routes src/http/server.ts registers; a request that matched none is `unmatched`. */
export const ROUTES: ReadonlySet<string> = new Set([
  '/metrics',
  '/healthz',
  '/readyz',
  '/api/messages',
  '/api/gateway/handoffs',
  '/api/gateway/handoffs/:handoffId',
  '/api/reports/capacity',
  '/api/reports/upcoming',
  '/api/tenants/:tenantId',
]);

export function activityTypeLabel(type: unknown): string {
  return typeof type === 'string' && ACTIVITY_TYPES.has(type) ? type : OTHER;
}

export function routeLabel(path: unknown): string {
  if (path === undefined || path === null) return 'unmatched';
  return typeof path === 'string' && ROUTES.has(path) ? path : OTHER;
}

export const turns = new Counter({
  name: 'esd_turns_total',
  help: 'Bot turns processed, by activity type and outcome.',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});

export const turnSeconds = new Histogram({
  name: 'esd_turn_duration_seconds',
  help: 'Time to process one bot turn.',
  labelNames: ['type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const ruleRejections = new Counter({
  name: 'esd_rule_rejections_total',
  help: 'Proposed Engagement Start Dates refused by the rules module, by violation code.',
  labelNames: ['code', 'source'] as const,
  registers: [registry],
});

export const proactiveSends = new Counter({
  name: 'esd_proactive_sends_total',
  help: 'Outcomes of proactive send attempts: sent, retry, waiting, dead (dead-lettered), cancelled.',
  labelNames: ['kind', 'result'] as const,
  registers: [registry],
});

export const httpRequests = new Counter({
  name: 'esd_http_requests_total',
  help: 'HTTP requests, by route and status.',
  labelNames: ['route', 'status'] as const,
  registers: [registry],
});

/** Set by the app: reads the outbox counts per status when Prometheus scrapes. */
export function trackOutboxDepth(read: () => Promise<Record<string, number>>): void {
  registry.removeSingleMetric('esd_outbox_depth');
  new Gauge({
    name: 'esd_outbox_depth',
    help: 'Proactive messages in the outbox, by status (pending, waiting, sent, dead, cancelled).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [status, count] of Object.entries(await read())) this.set({ status }, count);
      } catch {
        // The database is down: /readyz says so; the scrape still answers.
      }
    },
  });
}

/** Set by the hourly purge (src/notify/start-delivery.ts) from the database, like outbox depth. */
export const outboxWaitingOverWeek = new Gauge({
  name: 'esd_outbox_waiting_over_week',
  help: 'Proactive messages still pending or waiting (recipient unreachable) more than 7 days after they were queued.',
  registers: [registry],
});

/** Set by the app: push subscriptions by state (active, suspended), read when Prometheus scrapes. */
export function trackSubscriptions(read: () => Promise<Record<string, number>>): void {
  registry.removeSingleMetric('esd_subscriptions');
  new Gauge({
    name: 'esd_subscriptions',
    help: 'Webhook push subscriptions to the event feed, by state (active, suspended).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [state, count] of Object.entries(await read())) this.set({ state }, count);
      } catch {
        // The database is down: /readyz says so; the scrape still answers.
      }
    },
  });
}

export const subscriptionSuspensions = new Counter({
  name: 'esd_subscription_suspensions_total',
  help: 'Push subscriptions suspended after SUBSCRIPTION_SUSPEND_AFTER failed pushes in a row.',
  registers: [registry],
});
