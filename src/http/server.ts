// Before restify: lets it load on Node 24 (see node24-compat.ts).
import './node24-compat.js';
import type { Activity } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import restify from 'restify';
import type { Logger } from '../log/logger.js';
import { httpRequests, registry, routeLabel } from '../metrics/metrics.js';
import type { ServerDeps } from './deps.js';
import { eventRoutes } from './events/routes.js';
import { gatewayRoutes } from './gateway/routes.js';
import { bodyError, readJson } from './json-body.js';
import { plannerRoutes } from './planner/routes.js';
import { reportRoutes } from './reports/routes.js';
import { ServiceAuth } from './service-auth.js';

// Its own file, so the route modules need not import this one (which imports them).
export type { ServerDeps } from './deps.js';

/** Largest activity accepted on /api/messages (Teams activities are a few KB). */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** Health endpoints: /healthz says the process is up, /readyz that the database answers. */
function healthRoutes(server: restify.Server, deps: ServerDeps): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const ok = await deps.store.ping();
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'database unavailable' });
  });
}

/**
 * True for a Host header naming this machine: localhost, any 127.x.y.z or [::1], any port. In
 * local mode nothing else is served, so a web page the FM visits cannot drive the bot, not even
 * through a name of its own that resolves to 127.0.0.1 (DNS rebinding; issue 13, item 6).
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const name = match[1] as string;
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return !!octets && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * The claims of a bearer token that botframework-connector has already validated (signature,
 * issuer, audience): read here for what it does not check.
 */
function claimsOf(authorization: string): Record<string, unknown> | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The Bot Framework posts every Teams activity here. Only application/json is read, in memory
 * (issue 13, item 1); then the token is checked, so that any authentication failure (a bad
 * signature included, which botbuilder would report as a 500) is a 401 and nothing is processed.
 */
function messagesRoute(server: restify.Server, deps: ServerDeps): void {
  const localMode = deps.config.bot.localMode;
  // Microsoft's Teams emulator probes the endpoint with HEAD before it connects.
  server.head('/api/messages', async (_req, res) => {
    res.send(200);
  });
  server.post('/api/messages', async (req, res) => {
    const { adapter, bot, auth } = deps.bot;
    if (localMode && !isLoopbackHost(req.headers.host)) {
      req.resume();
      deps.logger.warn('local mode: request for a Host that is not this machine refused');
      res.send(403, {
        error: 'forbidden',
        message: 'local mode answers requests to localhost, 127.0.0.1 or [::1] only',
      });
      return;
    }
    const body = await readJson(req, MAX_ACTIVITY_BYTES);
    if (!body.ok) {
      if (body.status === 413) res.header('Connection', 'close');
      res.send(body.status, bodyError(body.status, MAX_ACTIVITY_BYTES));
      return;
    }
    const activity = body.value as Partial<Activity> | null;
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
      res.send(400, { error: 'invalid_activity' });
      return;
    }
    const authorization = req.header('authorization') ?? '';
    let identity: AuthenticateRequestResult;
    try {
      identity = await auth.authenticateRequest(activity as Activity, authorization);
      // botframework-connector accepts a signed token without `exp`: such a token would never
      // expire, so it is refused here (issue 13, item 9).
      if (!localMode && typeof claimsOf(authorization)?.exp !== 'number')
        throw new Error('token without exp');
    } catch (error) {
      deps.logger.warn(
        { err: (error as Error).message?.slice(0, 200) },
        'unauthenticated request to /api/messages',
      );
      res.send(401, { error: 'unauthorized' });
      return;
    }
    try {
      const answer = await adapter.processAuthenticated(identity, activity as Activity, (context) =>
        bot.run(context),
      );
      res.send(answer?.status ?? 200, answer?.body);
    } catch (error) {
      deps.logger.error({ err: (error as Error).message }, 'activity processing failed');
      res.send(500, { error: 'internal' });
    }
  });
}

/** Prometheus metrics, for the operators' scraper. */
function metricsRoute(server: restify.Server): void {
  server.get('/metrics', async (_req, res) => {
    const body = await registry.metrics();
    res.setHeader('content-type', registry.contentType);
    res.sendRaw(200, body);
  });
}

/** Every request gets a correlation id (echoed as x-request-id) and one log line, never its headers. */
function requestLog(server: restify.Server, logger: Logger): void {
  server.use(async (req, res) => {
    res.setHeader('x-request-id', req.getId());
  });
  server.on(
    'after',
    (req: restify.Request, res: restify.Response, route: { path?: string } | undefined) => {
      const status = res.statusCode;
      httpRequests.inc({ route: routeLabel(route?.path), status: String(status) });
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'debug';
      // Every turn's request ends here: its debug line is not even built at the default level.
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          requestId: req.getId(),
          method: req.method,
          path: req.getPath(),
          status,
          ms: Date.now() - req.time(),
        },
        'request',
      );
    },
  );
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'esd-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  requestLog(server, deps.logger);
  metricsRoute(server);
  healthRoutes(server, deps);
  messagesRoute(server, deps);
  // One for all service APIs: Entra ID's keys are fetched and cached once.
  const serviceAuth = new ServiceAuth(deps.config, deps.now);
  gatewayRoutes(server, deps, serviceAuth);
  reportRoutes(server, deps, serviceAuth);
  eventRoutes(server, deps, serviceAuth);
  plannerRoutes(server, deps, isLoopbackHost);
  server.on('restifyError', (req, _res, err, callback) => {
    deps.logger.warn(
      { method: req.method, url: req.url, status: err.statusCode, err: err.message },
      'request failed',
    );
    return callback();
  });
  return server;
}

export function listen(
  server: restify.Server,
  port: number,
  host: string,
): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
