import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAppInsights } from '../../src/log/app-insights.js';
import { createLogger } from '../../src/log/logger.js';
import { scaled } from '../support/time.js';

// Each test's and hook's limit, scaled on a busy machine (test/support/time.ts).
vi.setConfig({ testTimeout: scaled(90_000), hookTimeout: scaled(90_000) });

/**
 * Application Insights' packages declare Node >= 22 in places (@azure/monitor-opentelemetry):
 * CI runs this on Node 20 and Node 24 alike. The ingestion endpoint is a loopback server; the
 * SDK's own statistics, which go to a fixed Microsoft endpoint, are turned off.
 */
describe('Application Insights on this Node.js', () => {
  const received: string[] = [];
  let server: Server;
  let url = '';

  beforeAll(async () => {
    for (const name of [
      'APPLICATION_INSIGHTS_NO_STATSBEAT',
      'APPLICATIONINSIGHTS_STATSBEAT_DISABLED',
      'APPLICATIONINSIGHTS_SDKSTATS_DISABLED',
    ]) {
      process.env[name] = 'true';
    }
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    const { default: appInsights } = await import('applicationinsights');
    appInsights.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // Loading the SDK takes seconds on a busy two-core machine: a wider timeout, not a speed test.
  it(`loads and starts on Node ${process.version}`, async () => {
    const started = await startAppInsights(
      `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${url};LiveEndpoint=${url}`,
      createLogger('silent'),
    );
    expect(started).toBe(true);
    const { default: appInsights } = await import('applicationinsights');
    expect(appInsights.defaultClient).toBeDefined();
    appInsights.defaultClient.trackEvent({ name: 'esd-bot-node-check' });
  });
});
