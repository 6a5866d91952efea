/**
 * Local mode (no MicrosoftAppId) serves whoever can reach 127.0.0.1, so it must not be drivable
 * by a web page the FM visits (issue 13, item 6): a cross-site form post (the browser sends it
 * without a preflight), or a page on a name of its own that resolves to 127.0.0.1 (DNS
 * rebinding, where the browser's Host header is that name). Only application/json to a loopback
 * Host is answered.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/http/server.js';
import { TeamsHarness } from '../support/teams.js';

let teams: TeamsHarness;
beforeAll(async () => {
  teams = await TeamsHarness.start();
});
afterAll(async () => teams?.close());

/** A raw POST, so that the Host header is exactly what a browser would send. */
function rawPost(
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(`${teams.app.url}/api/messages`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Processing it records the person: that is what "nothing processed" is checked against. */
function installation(aad: string) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: teams.connector.url,
    from: { id: `29:${aad}`, name: 'Alex Wilber', aadObjectId: aad },
    recipient: { id: '28:esd-bot', name: 'esd-bot' },
    conversation: { id: `a:${aad}`, conversationType: 'personal', tenantId: randomUUID() },
  };
}

const port = () => new URL(teams.app.url).port;

describe('local mode answers JSON to a loopback Host only', () => {
  it.each([
    ['localhost', () => `localhost:${port()}`],
    ['127.0.0.1', () => `127.0.0.1:${port()}`],
    ['another 127.x address', () => `127.1.2.3:${port()}`],
    ['[::1]', () => `[::1]:${port()}`],
    ['localhost without a port', () => 'localhost'],
  ])('processes an application/json post to %s', async (_name, host) => {
    const aad = randomUUID();
    const res = await rawPost(
      { host: host(), 'content-type': 'application/json' },
      JSON.stringify(installation(aad)),
    );
    expect(res.status).toBeLessThan(300);
    expect(await teams.app.store.getPerson(aad)).not.toBeNull();
  });

  it.each([
    [
      'application/x-www-form-urlencoded',
      (a: object) => `data=${encodeURIComponent(JSON.stringify(a))}`,
    ],
    [
      'multipart/form-data; boundary=b',
      (a: object) =>
        `--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(a)}\r\n--b--\r\n`,
    ],
    ['text/plain', (a: object) => JSON.stringify(a)],
  ])('a cross-site form post (%s) gets 415; nothing processed', async (type, encode) => {
    const aad = randomUUID();
    const res = await rawPost(
      { host: `127.0.0.1:${port()}`, 'content-type': type, origin: 'https://evil.example' },
      encode(installation(aad)),
    );
    expect(res.status).toBe(415);
    expect(await teams.app.store.getPerson(aad)).toBeNull();
  });

  it.each([
    'evil.example',
    'evil.example:3978',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    '127.0.0.256',
    '0.0.0.0',
    '[::ffff:7f00:1]',
  ])('a DNS-rebinding Host (%s) gets 403; nothing processed', async (host) => {
    const aad = randomUUID();
    const res = await rawPost(
      {
        host: host.includes(':') ? host : `${host}:${port()}`,
        'content-type': 'application/json',
      },
      JSON.stringify(installation(aad)),
    );
    expect(res.status).toBe(403);
    expect(await teams.app.store.getPerson(aad)).toBeNull();
  });

  it('isLoopbackHost', () => {
    expect(isLoopbackHost('LOCALHOST:1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost(undefined)).toBe(false);
    expect(isLoopbackHost('127.0.0.1:3978:1')).toBe(false);
    expect(isLoopbackHost('[::1]x')).toBe(false);
  });
});
