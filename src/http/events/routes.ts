import type restify from 'restify';
import { z } from '../../config/zod.js';
import { EVENT_TYPE_NAMES, MAX_EVENTS_PAGE } from '../../store/index.js';
import type { ServerDeps } from '../deps.js';
import { APP_ROLES, type ServiceAuth } from '../service-auth.js';
import { received } from '../signature.js';

/**
 * GET /api/events?after=<cursor>&limit=<n>&type=<t1,t2>: the event feed, pulled (issue 17;
 * docs/api.md, "Event feed"). Events in feed order, CloudEvents 1.0 JSON, with the cursor to ask
 * from next time. A consumer that keeps its last `next` and comes back loses nothing and sees
 * nothing twice (a position is never visible before a lower one, src/store/events.ts). Signed
 * like the reports API, or an Entra ID token with the app role Events.Read.
 */

const DEFAULT_LIMIT = 100;

const cursor = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, 'must be a cursor returned as "next" (digits), or 0 for the start')
  .transform(Number);

const eventsQuery = z.strictObject({
  after: cursor.optional(),
  limit: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'must be a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'must be at least 1')
        .max(MAX_EVENTS_PAGE, `must be at most ${MAX_EVENTS_PAGE}`),
    )
    .optional(),
  type: z
    .string()
    .trim()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(EVENT_TYPE_NAMES as [string, ...string[]]))
        .min(1, `must name event types: ${EVENT_TYPE_NAMES.join(', ')}`),
    )
    .optional(),
});

export function eventRoutes(server: restify.Server, deps: ServerDeps, auth: ServiceAuth): void {
  const log = deps.logger;

  server.get('/api/events', async (req, res) => {
    res.setHeader('content-type', 'application/json');
    const authorized = await auth.check(req, received(req), APP_ROLES.eventsRead, 'the event feed');
    if (!authorized.ok) {
      if (authorized.status !== 503)
        log.warn(
          { url: req.getPath(), problem: authorized.body.message },
          'events request refused',
        );
      res.send(authorized.status, authorized.body);
      return;
    }
    const parsed = eventsQuery.safeParse(req.query ?? {});
    if (!parsed.success) {
      res.send(400, {
        error: 'invalid_query',
        problems: parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => ({ path: key, message: 'unknown parameter' }))
            : [{ path: issue.path.map(String).join('.') || '(query)', message: issue.message }],
        ),
      });
      return;
    }
    const { after = 0, limit = DEFAULT_LIMIT, type } = parsed.data;
    try {
      const page = await deps.store.readEvents(after, limit, type);
      if (page.status === 'expired') {
        res.send(410, {
          error: 'cursor_expired',
          message:
            'events after this cursor were deleted by retention (EVENT_RETENTION_DAYS); start again from "oldest"',
          oldest: page.oldest,
        });
        return;
      }
      res.send(200, { events: page.events, next: page.next, more: page.more });
    } catch (error) {
      log.error(
        { err: (error as Error)?.message ?? String(error) },
        'reading the event feed failed',
      );
      res.send(503, { error: 'unavailable', retry: true });
    }
  });
}
