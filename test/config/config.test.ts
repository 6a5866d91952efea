import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, parseConfig } from '../../src/config/config.js';

describe('configuration', () => {
  it('starts on its embedded defaults with an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      database: { kind: 'sqlite', path: './data/esd-bot.db' },
      demoData: true,
      allowedTenantIds: [],
      defaultTimeZone: 'UTC',
      esdWindow: { pastDays: 365, futureDays: 730 },
      bot: { localMode: true },
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1/db',
    });
  });

  it('leaves local mode, and listens beyond loopback, once an app id is configured', () => {
    const config = parseConfig({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'x',
    });
    expect(config.bot.localMode).toBe(false);
    expect(config.host).toBe('0.0.0.0');
  });

  it('lists every problem at once, naming variables and never echoing values', () => {
    const secret = 'super-secret-value';
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        DEMO_DATA: 'maybe',
        ALLOWED_TENANT_IDS: 'not-a-guid',
        DEFAULT_TIME_ZONE: 'Mars/Olympus',
        MicrosoftAppId: secret,
        HOST: '0.0.0.0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'DEMO_DATA',
      'ALLOWED_TENANT_IDS',
      'DEFAULT_TIME_ZONE',
      'MicrosoftAppId',
    ]) {
      expect(problems).toContain(name);
    }
    expect((error as ConfigError).message).not.toContain(secret);
  });

  it('DEMO_DATA defaults to true on SQLite and false on PostgreSQL; an explicit value wins', () => {
    expect(parseConfig({}).demoData).toBe(true);
    expect(parseConfig({ DEMO_DATA: '' }).demoData).toBe(true);
    const pg = 'postgres://esd@127.0.0.1:5432/esd';
    expect(parseConfig({ DATABASE_URL: pg }).demoData).toBe(false);
    expect(parseConfig({ DATABASE_URL: pg, DEMO_DATA: '' }).demoData).toBe(false);
    expect(parseConfig({ DATABASE_URL: pg, DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(parseConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('refuses a non-loopback HOST in local mode', () => {
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(/HOST/);
    expect(parseConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('requires the password with an app id, and the tenant for single-tenant bots', () => {
    expect(() =>
      parseConfig({
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppType: 'SingleTenant',
      }),
    ).toThrow(
      /MicrosoftAppPassword[\s\S]*MicrosoftAppTenantId|MicrosoftAppTenantId[\s\S]*MicrosoftAppPassword/,
    );
  });

  it('.env.example documents every variable the code reads, and nothing else', () => {
    const documented = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Za-z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(new Set(documented)).toEqual(new Set(ENV_VARIABLES));
    // And the example, as written, is a valid configuration.
    const values = Object.fromEntries(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .filter((line) => /^[A-Za-z_]+=/.test(line))
        .map((line) => line.split('=') as [string, string]),
    );
    expect(() => parseConfig(values)).not.toThrow();
  });

  it('only the config module reads process.env', async () => {
    const { execSync } = await import('node:child_process');
    const hits = execSync("grep -rln 'process\\.env' src || true", { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(hits).toEqual(['src/config/config.ts']);
  });
});

describe('ESD_OVERWRITE_ROLES: who may change an assigned FM’s date (issue 15 point 5, R6)', () => {
  it('defaults to the FAQ’s: the FM and the Gateway Team, nobody else', () => {
    expect(parseConfig({}).overwritePolicy).toEqual({ alsoForFmWorkloads: [] });
    expect(parseConfig({ ESD_OVERWRITE_ROLES: ' ' }).overwritePolicy).toEqual({
      alsoForFmWorkloads: [],
    });
  });

  it('adds the configured roles, in any case and spacing, each once', () => {
    expect(
      parseConfig({ ESD_OVERWRITE_ROLES: 'manager, FTA,manager ,re_engagement' }).overwritePolicy,
    ).toEqual({ alsoForFmWorkloads: ['manager', 'fta', 're_engagement'] });
  });

  it.each(['gateway', 'fm', 'frp', 'admin', 'manager;fta'])(
    'refuses %j, naming the variable and the roles it takes',
    (value) => {
      expect(() => parseConfig({ ESD_OVERWRITE_ROLES: value })).toThrow(
        /ESD_OVERWRITE_ROLES.*manager, fta, fe, re_engagement/,
      );
    },
  );
});

describe('optional operations settings', () => {
  it('accepts an Application Insights connection string and refuses anything else', () => {
    expect(parseConfig({}).appInsightsConnectionString).toBeUndefined();
    expect(
      parseConfig({
        APPLICATIONINSIGHTS_CONNECTION_STRING:
          'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      }).appInsightsConnectionString,
    ).toContain('InstrumentationKey=');
    expect(() =>
      parseConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.com' }),
    ).toThrow(/APPLICATIONINSIGHTS_CONNECTION_STRING/);
  });
});

describe('push subscriptions (issue 17)', () => {
  it('defaults to 10 failures before suspension, 10 pushes a second, 10 s a push', () => {
    expect(parseConfig({}).subscriptions).toEqual({
      suspendAfter: 10,
      maxPerSecond: 10,
      timeoutMs: 10_000,
    });
    expect(parseConfig({ SUBSCRIPTION_SUSPEND_AFTER: '3' }).subscriptions.suspendAfter).toBe(3);
  });

  it('refuses a value out of range, and a push time bound the outbox lease cannot cover', () => {
    expect(() => parseConfig({ SUBSCRIPTION_SUSPEND_AFTER: '0' })).toThrow(
      /SUBSCRIPTION_SUSPEND_AFTER/,
    );
    expect(() => parseConfig({ SUBSCRIPTION_MAX_RPS: 'fast' })).toThrow(/SUBSCRIPTION_MAX_RPS/);
    expect(() =>
      parseConfig({ PROACTIVE_LEASE_MS: '30000', SUBSCRIPTION_TIMEOUT_MS: '20000' }),
    ).toThrow(/at least twice SUBSCRIPTION_TIMEOUT_MS/);
  });

  it('unset, the push time bound is at most half a short lease (a lease set before pushes existed still starts)', () => {
    expect(
      parseConfig({ PROACTIVE_LEASE_MS: '4000', PROACTIVE_SEND_TIMEOUT_MS: '1000' }).subscriptions
        .timeoutMs,
    ).toBe(2000);
    expect(parseConfig({}).subscriptions.timeoutMs).toBe(10_000);
  });
});
