/**
 * Issue 17 over HTTP, on the real server and both engines: GET /api/events (the pull feed), and
 * Entra ID bearer tokens with app roles on the Gateway, reports and events APIs, checked against
 * a local OpenID/JWKS server on 127.0.0.1 standing in for Entra ID (test/support/openid.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudEvent } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import type { LocalIssuer } from '../support/openid.js';
import {
  ENTRA_AUDIENCE,
  ENTRA_TENANT,
  startWithServiceCallers,
} from '../support/service-callers.js';
import { signedHeaders } from '../support/signing.js';
import { NOW, type TeamsHarness } from '../support/teams.js';

const SECRET = 'events-secret-0123456789abcdef-0123456789';
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const AUDIENCE = ENTRA_AUDIENCE;
const TENANT = ENTRA_TENANT;
const OTHER_TENANT = '7f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

interface Feed {
  events: CloudEvent[];
  next: string;
  more: boolean;
}

describe.each(engines)('event feed and Entra ID callers on %s', (engine) => {
  let teams: TeamsHarness;
  let issuer: LocalIssuer;

  let close = async () => {};

  beforeAll(async () => {
    ({ teams, issuer, close } = await startWithServiceCallers(engine, SECRET));
  });
  afterAll(() => close());

  /** A client-credentials token of a service in the allowed tenant, with `roles`. */
  const appToken = (roles: string[], claims: Record<string, unknown> = {}) =>
    issuer.token({
      aud: AUDIENCE,
      tid: TENANT,
      azp: 'c1c2c3c4-0000-4000-8000-000000000001',
      oid: 'a1a2a3a4-0000-4000-8000-000000000002',
      idtyp: 'app',
      roles,
      ...claims,
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signed = (url: string) => signedHeaders({ secret: SECRET, timestamp: NOW_SECONDS, url });

  async function get(path: string, headers: Record<string, string> = signed(path)) {
    const res = await fetch(`${teams.app.url}${path}`, { headers });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  /** Reads the whole feed from `after`, `limit` at a time. */
  async function drain(after = '0', limit = 4, auth?: Record<string, string>) {
    const events: CloudEvent[] = [];
    let cursor = after;
    for (;;) {
      const path = `/api/events?after=${cursor}&limit=${limit}`;
      const res = await get(path, auth ?? signed(path));
      expect(res.status).toBe(200);
      const feed = res.body as Feed;
      events.push(...feed.events);
      cursor = feed.next;
      if (!feed.more) return { events, cursor };
    }
  }

  it('a signed GET reads the feed from the start, page by page, each event once, with the next cursor', async () => {
    const { events, cursor } = await drain();
    // The demo data's dates went through the one write path: each is an esd.changed event.
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => e.specversion === '1.0' && e.type === 'esdbot.esd.changed')).toBe(
      true,
    );
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(cursor).toBe(String(Number(events.at(-1)?.sequence)));
    // Nothing new: an empty page, the same cursor.
    const again = await get(`/api/events?after=${cursor}`);
    expect(again.body).toEqual({ events: [], next: cursor, more: false });
    // Filtered by type.
    const none = await get('/api/events?type=esdbot.handoff.acknowledged');
    expect(none.body.events).toEqual([]);
    // ...its cursor moved past the skipped events: the next poll does not scan them again.
    expect(none.body).toMatchObject({ next: cursor, more: false });
  });

  it.each([
    ['/api/events?after=abc', 'after'],
    ['/api/events?limit=0', 'limit'],
    ['/api/events?limit=5000', 'limit'],
    ['/api/events?type=esdbot.unknown', 'type'],
    ['/api/events?since=1', 'since'],
  ])('400 for %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.problems.some((p: { path: string }) => p.path.startsWith(field))).toBe(true);
  });

  it('401 without a signature or a token; 401 with a signature for another query', async () => {
    expect((await get('/api/events', {})).status).toBe(401);
    expect((await get('/api/events?after=0', signed('/api/events?after=5'))).status).toBe(401);
  });

  it('an Entra ID token with Events.Read reads the feed', async () => {
    const signedRead = await drain();
    const tokenRead = await drain('0', 100, bearer(appToken(['Events.Read'])));
    expect(tokenRead.events.map((e) => e.id)).toEqual(signedRead.events.map((e) => e.id));
  });

  it('each app role opens its own API only: 403 for the others', async () => {
    const reports = bearer(appToken(['Reports.Read']));
    expect((await get('/api/reports/upcoming', reports)).status).toBe(200);
    expect((await get('/api/events', reports)).status).toBe(403);
    const events = bearer(appToken(['Events.Read']));
    expect((await get('/api/reports/upcoming', events)).status).toBe(403);
    expect((await get('/api/gateway/handoffs/gw-2026-unknown', events)).status).toBe(403);
    const post = await fetch(`${teams.app.url}/api/gateway/handoffs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...events },
      body: JSON.stringify(handoff()),
    });
    expect(post.status).toBe(403);
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['an expired token', () => appToken(['Events.Read'], { exp: now() - 3600, nbf: now() - 7200 })],
    ['a token without exp', () => appToken(['Events.Read'], { exp: undefined })],
    ['a token for another audience', () => appToken(['Events.Read'], { aud: 'api://other-app' })],
    ['a token from a tenant not allowed', () => appToken(['Events.Read'], { tid: OTHER_TENANT })],
    [
      'a token whose issuer is not its tenant',
      () =>
        appToken(['Events.Read'], {
          iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
        }),
    ],
    [
      'a token signed with another key',
      () =>
        issuer.token({ aud: AUDIENCE, tid: TENANT, roles: ['Events.Read'] }, issuer.strangerKey),
    ],
    ['not a JWT', () => 'not-a-token'],
  ])('%s: 401 and no events', async (_name, token) => {
    const res = await get('/api/events', bearer(token()));
    expect(res.status).toBe(401);
    expect(res.body.events).toBeUndefined();
  });

  it('a token with Handoffs.Write posts a handoff; its events follow in the feed', async () => {
    const { cursor } = await drain();
    const token = appToken(['Handoffs.Write']);
    const body = handoff();
    const post = await fetch(`${teams.app.url}/api/gateway/handoffs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
    expect(post.status).toBe(201);
    const status = await get(`/api/gateway/handoffs/${body.handoffId}`, bearer(token));
    expect(status.status).toBe(200);
    const after = await drain(cursor);
    expect(after.events.map((e) => e.type)).toEqual([
      'esdbot.esd.changed',
      'esdbot.handoff.received',
    ]);
    expect(after.events[1]).toMatchObject({
      subject: body.handoffId,
      data: { handoffId: body.handoffId, enteredBy: { upn: 'gateway@example.com' } },
    });
    expect(after.events[0]?.data).toMatchObject({ source: 'gateway', new: { date: '2026-12-01' } });
  });

  // Last: it deletes the feed's first events.
  it('410 with the oldest cursor for a cursor older than what retention kept', async () => {
    const { events } = await drain();
    const third = events[2] as CloudEvent;
    // The first three events are old: the purge deletes them.
    await contextOf(teams.app.store)
      .db.updateTable('events')
      .set({ time: '2000-01-01T00:00:00.000Z' })
      .where('position', '<=', Number(third.sequence))
      .execute();
    const purged = await teams.app.store.purgeExpired({
      botStateDays: 90,
      outboxDays: 90,
      eventDays: 30,
    });
    expect(purged.events).toBe(3);
    const expired = await get('/api/events?after=1');
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ error: 'cursor_expired', oldest: '3' });
    const resumed = await drain(expired.body.oldest);
    expect(resumed.events.map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
  });
});

function handoff() {
  return {
    handoffId: `gw-2026-${randomUUID().slice(0, 8)}`,
    tenant: { id: randomUUID(), name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' },
    deliveryChannel: {
      type: 'FM',
      fm: { upn: 'Ana.Silva@Example.com', aadObjectId: '5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6' },
    },
    workloads: [
      { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' },
      { code: 'TEAMS', l1Status: 'status_unknown' },
    ],
    enteredBy: { upn: 'gateway@example.com', name: 'Gabriel Ortega' },
    notes: null,
  };
}
