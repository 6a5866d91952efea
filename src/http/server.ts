import restify from 'restify';
import type { Bot } from '../bot/adapter.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';

export interface ServerDeps {
  store: Store;
  logger: Logger;
  bot: Bot;
  config: Config;
  now: () => Date;
}

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

/** One route per concern: the Bot Framework posts every Teams activity here. */
function messagesRoute(server: restify.Server, deps: ServerDeps): void {
  server.post(
    '/api/messages',
    restify.plugins.bodyParser({
      maxBodySize: MAX_ACTIVITY_BYTES,
      mapParams: false,
      rejectUnknown: true,
    }),
    async (req, res) => {
      const { adapter, bot } = deps.bot;
      await adapter.process(req, res, (context) => bot.run(context));
    },
  );
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'esd-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  healthRoutes(server, deps);
  messagesRoute(server, deps);
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
