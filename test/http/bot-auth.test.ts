import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { LocalIssuer } from '../support/openid.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'http://127.0.0.1:9/';

let issuer: LocalIssuer;
let database: TestDatabase;
let app: App;

beforeAll(async () => {
  issuer = await new LocalIssuer().start();
  database = await createTestDatabase('sqlite');
  if (database.target.kind !== 'sqlite') throw new Error('sqlite');
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: database.target.path,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret-just-for-tests',
  });
  app = await startApp(config, createLogger('silent'), {
    background: false,
    authOverrides: { ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl },
  });
});
afterAll(async () => {
  await app?.close();
  await issuer?.stop();
  await database?.drop();
});

/** An installationUpdate: processing it records the person, and it needs no reply (no token fetch). */
function activity(aad: string) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: `29:${aad}`, name: 'Someone', aadObjectId: aad },
    recipient: { id: `28:${APP_ID}`, name: 'esd-bot' },
    conversation: {
      id: `a:${aad}`,
      conversationType: 'personal',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    },
  };
}

async function post(body: object, authorization?: string) {
  return fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
}

describe('Bot Framework JWT validation with MicrosoftAppId set', () => {
  it('accepts a valid channel token and processes the activity', async () => {
    const aad = randomUUID();
    const token = issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL });
    const response = await post(activity(aad), `Bearer ${token}`);
    expect(response.status).toBeLessThan(300);
    expect(await app.store.getPerson(aad)).not.toBeNull();
  });

  it.each([
    ['a missing token', () => undefined],
    ['a garbage token', () => 'Bearer not.a.jwt'],
    [
      'an expired token',
      () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL, nbf: 1, exp: 1000 })}`,
    ],
    [
      'a token signed by another key',
      () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL }, issuer.strangerKey)}`,
    ],
    [
      'a token for another bot',
      () => `Bearer ${issuer.token({ aud: randomUUID(), serviceurl: SERVICE_URL })}`,
    ],
    [
      'a token from another issuer',
      () =>
        `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL, iss: 'https://evil.example' })}`,
    ],
    [
      'a token for another service URL',
      () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: 'http://127.0.0.1:10/' })}`,
    ],
  ])('rejects %s with 401 and processes nothing', async (_name, header) => {
    const aad = randomUUID();
    const response = await post(activity(aad), header());
    expect(response.status).toBe(401);
    expect(await app.store.getPerson(aad)).toBeNull();
  });
});
