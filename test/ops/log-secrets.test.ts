import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { type App, startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { signGatewayBody } from '../../src/http/signature.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { LocalIssuer } from '../support/openid.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const APP_PASSWORD = 'app-password-that-must-never-be-logged';
const SECRET = 'webhook-secret-that-must-never-be-logged-0123456789';
const PREVIOUS = 'previous-webhook-secret-never-logged-either-987654';
const SERVICE_URL = 'http://127.0.0.1:9/';

let issuer: LocalIssuer;
let database: TestDatabase;
let app: App;
const lines: string[] = [];
const consoleOutput: string[] = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(
        args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '),
      );
    });
  }
  issuer = await new LocalIssuer().start();
  database = await createTestDatabase('sqlite');
  if (database.target.kind !== 'sqlite') throw new Error('sqlite');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: database.target.path,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: APP_PASSWORD,
    GATEWAY_WEBHOOK_SECRET: SECRET,
    GATEWAY_WEBHOOK_SECRET_PREVIOUS: PREVIOUS,
    LOG_LEVEL: 'trace',
  });
  app = await startApp(config, createLogger('trace', sink), {
    authOverrides: { ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl },
  });
});
afterAll(async () => {
  await app?.close();
  await issuer?.stop();
  await database?.drop();
  vi.restoreAllMocks();
});

it('a full run logs JSON lines with correlation ids, and never a secret, a token or a signature', async () => {
  const tokens: string[] = [];
  const signatures: string[] = [];
  const activity = () => ({
    type: 'installationUpdate',
    action: 'add',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:someone', name: 'Someone', aadObjectId: randomUUID() },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: 'a:someone', conversationType: 'personal' },
  });
  const post = (token: string) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity()),
    });
  for (const token of [
    issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL }),
    issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL, exp: 1000, nbf: 1 }),
    issuer.token({ aud: 'someone-else', serviceurl: SERVICE_URL }),
    issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL }, issuer.strangerKey),
  ]) {
    tokens.push(token);
    await post(token);
  }

  const body = JSON.stringify({
    handoffId: `gw-${randomUUID()}`,
    tenant: { id: randomUUID(), name: 'fabrikam.onmicrosoft.com', customerName: 'Fabrikam' },
    deliveryChannel: { type: 'FM', fm: { upn: 'fm@example.com' } },
    workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-15' }],
    enteredBy: { upn: 'gateway@example.com', name: 'Gateway' },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  for (const secret of [SECRET, PREVIOUS, 'a-wrong-secret-of-sufficient-length-000000']) {
    const signature = signGatewayBody(secret, timestamp, body);
    signatures.push(signature);
    await fetch(`${app.url}/api/gateway/handoffs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-esd-timestamp': timestamp,
        'x-esd-signature': signature,
      },
      body,
    });
  }
  await fetch(`${app.url}/metrics`);
  await app.delivery.dispatcher.runOnce();

  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(parsed.some((l) => l.msg === 'request' && typeof l.requestId === 'string')).toBe(true);
  expect(parsed.some((l) => typeof l.turnId === 'string')).toBe(true);

  const everything = [...lines, ...consoleOutput].join('\n');
  for (const secret of [APP_PASSWORD, SECRET, PREVIOUS]) expect(everything).not.toContain(secret);
  for (const token of tokens) {
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split('.')[2]);
  }
  for (const signature of signatures) expect(everything).not.toContain(signature.slice(7));
});
