import {
  AuthenticationConstants,
  ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
} from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ReusedClients } from '../../src/bot/reused-clients.js';

class CountingFactory extends ConnectorFactory {
  made = 0;
  failNext = false;
  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.made++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('credentials unavailable');
    }
    return { serviceUrl, audience, n: this.made } as unknown as ConnectorClient;
  }
}

const identity = (appId: string) =>
  new ClaimsIdentity([{ type: AuthenticationConstants.AppIdClaim, value: appId }], true);

function turn(clients: ReusedClients, inner: ConnectorFactory, appId = 'app-a') {
  const result = clients.forTurn({
    audience: 'aud',
    claimsIdentity: identity(appId),
    connectorFactory: inner,
    callerId: '',
  });
  return result.connectorFactory as ConnectorFactory;
}

describe('Bot Connector clients kept between activities', () => {
  it('gives every turn for one app, service URL and audience the same client', async () => {
    const clients = new ReusedClients();
    const inner = new CountingFactory();
    const first = await turn(clients, inner).create('https://smba.example/emea/', 'aud');
    const second = await turn(clients, inner).create('https://smba.example/emea/', 'aud');
    expect(second).toBe(first);
    expect(inner.made).toBe(1);
  });

  it('keeps apart service URLs, audiences and app ids', async () => {
    const clients = new ReusedClients();
    const inner = new CountingFactory();
    const a = await turn(clients, inner).create('https://smba.example/emea/', 'aud');
    const b = await turn(clients, inner).create('https://smba.example/amer/', 'aud');
    const c = await turn(clients, inner).create('https://smba.example/emea/', 'other');
    const d = await turn(clients, inner, 'app-b').create('https://smba.example/emea/', 'aud');
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it('never hands a turn the client of proactive sends (those lose the SDK retries)', async () => {
    const clients = new ReusedClients();
    const inner = new CountingFactory();
    const proactive = await clients
      .forProactive(inner, identity('app-a'))
      .create('https://smba.example/emea/', 'aud');
    const reply = await turn(clients, inner).create('https://smba.example/emea/', 'aud');
    expect(reply).not.toBe(proactive);
    expect(
      await clients
        .forProactive(inner, identity('app-a'))
        .create('https://smba.example/emea/', 'aud'),
    ).toBe(proactive);
  });

  it('forgets a failed creation: the next activity tries again', async () => {
    const clients = new ReusedClients();
    const inner = new CountingFactory();
    inner.failNext = true;
    await expect(turn(clients, inner).create('https://smba.example/emea/')).rejects.toThrow(
      'credentials unavailable',
    );
    const client = await turn(clients, inner).create('https://smba.example/emea/');
    expect(client).toBeDefined();
    expect(inner.made).toBe(2);
  });

  it('stays bounded whatever service URLs arrive', async () => {
    const clients = new ReusedClients();
    const inner = new CountingFactory();
    const first = await turn(clients, inner).create('https://smba.example/0/');
    for (let n = 1; n <= 200; n++) await turn(clients, inner).create(`https://smba.example/${n}/`);
    // The oldest went: asking again builds a new one.
    expect(await turn(clients, inner).create('https://smba.example/0/')).not.toBe(first);
    expect(inner.made).toBe(202);
  });
});
