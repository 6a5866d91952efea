/**
 * Issue 17: docs/openapi.yaml is the contract others build on. Live answers of the running
 * server (real database, both engines) are validated against the schemas the document gives for
 * that path, method and status, so the document cannot drift from the code unnoticed.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { engines } from '../support/databases.js';
import type { LocalIssuer } from '../support/openid.js';
import {
  ENTRA_AUDIENCE,
  ENTRA_TENANT,
  startWithServiceCallers,
} from '../support/service-callers.js';
import { signedHeaders } from '../support/signing.js';
import { NOW, type TeamsHarness } from '../support/teams.js';

const SECRET = 'contract-secret-0123456789abcdef-0123456789';
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const AUDIENCE = ENTRA_AUDIENCE;
const TENANT = ENTRA_TENANT;

type Json = Record<string, unknown>;
const doc = parse(
  readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8'),
) as Json;
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...doc, $id: 'openapi' });

/** Follows a local $ref of the document. */
function deref(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = doc;
  for (const key of ref.replace(/^#\//, '').split('/')) target = (target as Json)[key];
  return deref(target as Json);
}

/** Rewrites local refs so that Ajv resolves them in the registered document. */
function rooted(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rooted);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema as Json).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `openapi${v}` : rooted(v),
    ]),
  );
}

function expectMatches(path: string, method: string, status: number, body: unknown) {
  const operation = ((doc.paths as Json)[path] as Json)?.[method] as Json | undefined;
  expect(operation, `${method} ${path} in docs/openapi.yaml`).toBeDefined();
  const response = (operation?.responses as Json)?.[String(status)] as Json | undefined;
  expect(response, `${method} ${path} ${status} in docs/openapi.yaml`).toBeDefined();
  const content = deref(response as Json).content as Json;
  const schema = (content['application/json'] as Json).schema;
  const validate = ajv.compile(rooted(schema) as object);
  const ok = validate(body);
  expect(ok, `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

describe.each(engines)('live answers match docs/openapi.yaml on %s', (engine) => {
  let teams: TeamsHarness;
  let issuer: LocalIssuer;

  let close = async () => {};

  beforeAll(async () => {
    ({ teams, issuer, close } = await startWithServiceCallers(engine, SECRET));
  });
  afterAll(() => close());

  const signed = (url: string, method = 'GET', body?: string) =>
    signedHeaders({ secret: SECRET, timestamp: NOW_SECONDS, url, method, body });
  async function call(url: string, init: RequestInit = {}) {
    const res = await fetch(`${teams.app.url}${url}`, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  it('the Gateway handoff endpoints, the event feed and its errors', async () => {
    const handoffId = `gw-2026-${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify({
      handoffId,
      tenant: { id: randomUUID(), name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' },
      deliveryChannel: {
        type: 'FM',
        fm: { upn: 'ana.silva@example.com', aadObjectId: '5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6' },
      },
      workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' }],
      enteredBy: { upn: 'gateway@example.com', name: 'Gabriel Ortega' },
      notes: null,
    });
    const post = await call('/api/gateway/handoffs', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signed('/api/gateway/handoffs', 'POST', body),
      },
      body,
    });
    expect(post.status).toBe(201);
    expectMatches('/api/gateway/handoffs', 'post', 201, post.body);

    const statusUrl = `/api/gateway/handoffs/${handoffId}`;
    const status = await call(statusUrl, { headers: signed(statusUrl) });
    expect(status.status).toBe(200);
    expectMatches('/api/gateway/handoffs/{handoffId}', 'get', 200, status.body);

    const feed = await call('/api/events?limit=1000', {
      headers: signed('/api/events?limit=1000'),
    });
    expect(feed.status).toBe(200);
    expectMatches('/api/events', 'get', 200, feed.body);
    const types = new Set((feed.body as { events: { type: string }[] }).events.map((e) => e.type));
    expect([...types].sort()).toEqual(['esdbot.esd.changed', 'esdbot.handoff.received']);

    const bad = await call('/api/events?limit=0', { headers: signed('/api/events?limit=0') });
    expect(bad.status).toBe(400);
    expectMatches('/api/events', 'get', 400, bad.body);

    const unsigned = await call('/api/events');
    expect(unsigned.status).toBe(401);
    expectMatches('/api/events', 'get', 401, unsigned.body);

    const token = issuer.token({ aud: AUDIENCE, tid: TENANT, roles: ['Reports.Read'] });
    const forbidden = await call('/api/events', { headers: { authorization: `Bearer ${token}` } });
    expect(forbidden.status).toBe(403);
    expectMatches('/api/events', 'get', 403, forbidden.body);
  });

  it('the reports', async () => {
    for (const path of ['/api/reports/capacity', '/api/reports/upcoming']) {
      const res = await call(path, { headers: signed(path) });
      expect(res.status).toBe(200);
      expectMatches(path, 'get', 200, res.body);
    }
  });

  it('the document and its schemas compile (no broken $ref)', () => {
    for (const [path, item] of Object.entries(doc.paths as Json))
      for (const [method, op] of Object.entries(item as Json))
        for (const [status, response] of Object.entries((op as Json).responses as Json)) {
          const content = deref(response as Json).content as Json | undefined;
          const schema = (content?.['application/json'] as Json | undefined)?.schema;
          if (schema)
            expect(
              () => ajv.compile(rooted(schema) as object),
              `${method} ${path} ${status}`,
            ).not.toThrow();
        }
  });
});
