import { existsSync } from 'node:fs';
import {
  CONFIGURABLE_OVERWRITE_ROLES,
  type ConfigurableOverwriteRole,
  type OverwritePolicy,
} from '../domain/index.js';
import { z } from './zod.js';

/**
 * The one place that reads the environment. Everything else receives a typed `Config`.
 * A bad or missing variable stops start-up with one message that lists every problem.
 */

const boolean = (fallback: boolean) =>
  z
    .stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] })
    .default(fallback);

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Webhook secrets: long enough that guessing is out of the question.
const secret = z.string().min(32, 'must be at least 32 characters').optional();

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function isTimeZone(tz: string): boolean {
  // Every implementation knows UTC (ECMA-402), the default: building a DateTimeFormat to check
  // pages in ~6 MiB of ICU's data and code that an idle bot otherwise never touches (issue 20).
  if (tz === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const envShape = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3978, 0, 65535),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,

  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  SQLITE_PATH: z.string().trim().min(1).default('./data/esd-bot.db'),
  // No default here: it depends on the engine (below).
  DEMO_DATA: optionalText.pipe(
    z
      .stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] })
      .optional(),
  ),

  ALLOWED_TENANT_IDS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(GUID, 'each tenant id must be a GUID'))),

  DEFAULT_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Lisbon'),
  ESD_WINDOW_PAST_DAYS: integer(365, 0, 3650),
  ESD_WINDOW_FUTURE_DAYS: integer(730, 1, 3650),
  // Who may change a date assigned to an FM besides the FM and the Gateway Team (the FAQ's
  // default): a comma-separated subset of manager, fta, fe, re_engagement (domain/overwrite-policy.ts).
  ESD_OVERWRITE_ROLES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(CONFIGURABLE_OVERWRITE_ROLES, {
          error: `each role must be one of ${CONFIGURABLE_OVERWRITE_ROLES.join(', ')} (the FM and the Gateway Team always may)`,
        }),
      ),
    ),

  GATEWAY_WEBHOOK_SECRET: optionalText.pipe(secret),
  GATEWAY_WEBHOOK_SECRET_PREVIOUS: optionalText.pipe(secret),
  // Entra ID bearer tokens for service callers (issue 17; src/http/service-auth.ts): on when an
  // audience and at least one tenant are set. The tenants are required: an app role in a token
  // from a tenant nobody chose would be assigned by that tenant's admin, not esd-bot's.
  ENTRA_API_AUDIENCE: optionalText,
  ENTRA_API_TENANT_IDS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(GUID, 'each tenant id must be a GUID'))),
  ENTRA_OPENID_METADATA_URL: z
    .string()
    .trim()
    .url()
    .default('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'),

  REMINDER_LOCAL_TIME: z
    .string()
    .trim()
    .default('09:00')
    .refine(
      (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
      'must be a 24-hour time HH:MM, such as 09:00',
    ),
  FOLLOW_UP_BUSINESS_DAYS: integer(2, 1, 30),
  REMINDER_GRACE_DAYS: integer(2, 0, 30),
  WEEKLY_DIGEST: boolean(true),
  PROACTIVE_MAX_RPS: integer(20, 1, 1000),
  PROACTIVE_CONVERSATION_INTERVAL_MS: integer(1000, 0, 60_000),
  PROACTIVE_MAX_ATTEMPTS: integer(8, 1, 50),
  PROACTIVE_SEND_TIMEOUT_MS: integer(15_000, 100, 120_000),
  PROACTIVE_LEASE_MS: integer(120_000, 1000, 3_600_000),
  // Webhook push subscriptions (issue 17, src/notify/push.ts): consecutive failed pushes after
  // which a subscription is suspended, pushes a second to one subscription, a push's time bound.
  SUBSCRIPTION_SUSPEND_AFTER: integer(10, 1, 1000),
  SUBSCRIPTION_MAX_RPS: integer(10, 1, 1000),
  SUBSCRIPTION_TIMEOUT_MS: integer(10_000, 100, 120_000),
  // Retention: at least 30 days, so a sent reminder's dedupe key outlives any sweep that could
  // queue it again.
  BOT_STATE_RETENTION_DAYS: integer(90, 1, 3650),
  OUTBOX_RETENTION_DAYS: integer(90, 30, 3650),
  // How long the event feed keeps events: a consumer's cursor works within it (issue 17).
  EVENT_RETENTION_DAYS: integer(30, 1, 3650),

  CAPACITY_WEEKS: integer(8, 1, 26),
  // A typed command still running after this long shows Teams' typing indicator (issue 16).
  TYPING_DELAY_MS: integer(1000, 0, 60_000),

  // The planner tab's Teams SSO (src/http/planner/sso.ts): the token's audience is the
  // manifest's webApplicationInfo.resource (api://<host>/<MicrosoftAppId>); the app id itself
  // is accepted too (Entra ID v2 tokens name the client id).
  PLANNER_SSO_AUDIENCE: optionalText,
  PLANNER_OPENID_METADATA_URL: z
    .string()
    .trim()
    .url()
    .default('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'),

  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
    z
      .string()
      .regex(/InstrumentationKey=/i, 'must be an Application Insights connection string')
      .optional(),
  ),
});

/** Every variable the code reads; a test checks `.env.example` documents each one. */
export const ENV_VARIABLES = Object.keys(envShape.shape);

/**
 * Checks between variables, run on the raw values so they are reported together with every
 * per-variable problem (zod skips refinements once a field has failed).
 */
function crossFieldProblems(source: Record<string, string | undefined>): string[] {
  const value = (name: string) => source[name]?.trim() || undefined;
  const appId = value('MicrosoftAppId');
  const appType = value('MicrosoftAppType') ?? 'MultiTenant';
  const host = value('HOST');
  const problems: string[] = [];
  if (appId && !GUID.test(appId)) problems.push('MicrosoftAppId: must be a GUID');
  if (appId && appType !== 'UserAssignedMSI' && !value('MicrosoftAppPassword')) {
    problems.push(
      'MicrosoftAppPassword: is required when MicrosoftAppId is set (except with MicrosoftAppType=UserAssignedMSI)',
    );
  }
  if (!appId && host && !LOOPBACK.has(host)) {
    problems.push(
      'HOST: must be a loopback address (127.0.0.1, ::1 or localhost) in local mode; set MicrosoftAppId to listen beyond this machine',
    );
  }
  const lease = Number(value('PROACTIVE_LEASE_MS') ?? 120_000);
  const timeout = Number(value('PROACTIVE_SEND_TIMEOUT_MS') ?? 15_000);
  if (Number.isFinite(lease) && Number.isFinite(timeout) && lease < 2 * timeout) {
    problems.push(
      'PROACTIVE_LEASE_MS: must be at least twice PROACTIVE_SEND_TIMEOUT_MS, so a send ends before its lease',
    );
  }
  // Only a push time bound that was set is checked: unset, it shrinks to half the lease
  // (see pushTimeoutMs), so a short lease configured before pushes existed still starts.
  const pushTimeout = Number(value('SUBSCRIPTION_TIMEOUT_MS'));
  if (
    value('SUBSCRIPTION_TIMEOUT_MS') &&
    Number.isFinite(lease) &&
    Number.isFinite(pushTimeout) &&
    lease < 2 * pushTimeout
  ) {
    problems.push(
      'PROACTIVE_LEASE_MS: must be at least twice SUBSCRIPTION_TIMEOUT_MS, so a push ends before its lease',
    );
  }
  if (value('GATEWAY_WEBHOOK_SECRET_PREVIOUS') && !value('GATEWAY_WEBHOOK_SECRET')) {
    problems.push(
      'GATEWAY_WEBHOOK_SECRET: is required when GATEWAY_WEBHOOK_SECRET_PREVIOUS is set',
    );
  }
  if (appId && appType !== 'MultiTenant' && !value('MicrosoftAppTenantId')) {
    problems.push(`MicrosoftAppTenantId: is required when MicrosoftAppType=${appType}`);
  }
  return problems;
}

export type Env = z.infer<typeof envShape>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  /** Local mode (no app id) binds to loopback only: anonymous traffic must not leave the machine. */
  host: string;
  logLevel: Env['LOG_LEVEL'];
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: Env['MicrosoftAppType'];
    appTenantId: string | undefined;
    /** True when no app id is configured: JWT validation is off, loopback only. */
    localMode: boolean;
  };
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  demoData: boolean;
  allowedTenantIds: readonly string[];
  defaultTimeZone: string;
  esdWindow: { pastDays: number; futureDays: number };
  /** Who may change an assigned FM's date besides the FM and the Gateway Team. */
  overwritePolicy: OverwritePolicy;
  gateway: {
    /** Current secret first; the previous one is accepted too while a rotation is under way. */
    webhookSecrets: readonly string[];
  };
  /** Entra ID bearer tokens on the Gateway, reports and events APIs (src/http/service-auth.ts). */
  serviceAuth: {
    /** Accepted `aud` values: the application ID URI (v1 tokens) and, if set, the app id (v2). */
    audiences: readonly string[];
    /** Tenants whose tokens are accepted; empty: bearer tokens are off. */
    tenantIds: readonly string[];
    openIdMetadataUrl: string;
  };
  reminders: {
    /** HH:MM in the FM's time zone. */
    localTime: string;
    followUpBusinessDays: number;
    graceDays: number;
    weeklyDigest: boolean;
  };
  /** Application Insights, when its connection string is set. */
  appInsightsConnectionString: string | undefined;
  proactive: {
    maxPerSecond: number;
    conversationIntervalMs: number;
    maxAttempts: number;
    /** A send with no answer by then counts as failed (and is retried). */
    sendTimeoutMs: number;
    /** How long a claimed row stays with its dispatcher before another may take it over. */
    leaseMs: number;
  };
  /** Webhook push subscriptions to the event feed (src/notify/push.ts). */
  subscriptions: {
    /** This many failed pushes in a row suspend a subscription. */
    suspendAfter: number;
    /** Pushes a second to one subscription (its own pace, apart from Teams'). */
    maxPerSecond: number;
    /** A push with no answer by then counts as failed (and is retried). */
    timeoutMs: number;
  };
  /** What the hourly purge deletes (src/store/retention.ts). */
  retention: {
    /** Dialog state idle this many days. */
    botStateDays: number;
    /** Sent, cancelled and dead outbox rows queued this many days ago. */
    outboxDays: number;
    /** Events older than this leave the feed (GET /api/events, push replay). */
    eventDays: number;
  };
  reports: {
    /** How many ISO weeks the capacity report shows, the current one first. */
    capacityWeeks: number;
  };
  /** A message turn still running after this many ms shows the typing indicator. */
  typingDelayMs: number;
  planner: {
    /** Accepted `aud` values of a Teams SSO token; empty in local mode. */
    ssoAudiences: readonly string[];
    /** Entra ID's OpenID metadata (issuer, jwks_uri); a local server in tests. */
    openIdMetadataUrl: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `esd-bot cannot start: ${problems.length} configuration problem(s)\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}\nSee .env.example for every variable and what it expects.`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses an environment (a plain object, so tests need not touch process.env). */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = envShape.safeParse(source);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((issue) => {
          // Never echo the value: it may be a secret.
          return `${issue.path.join('.') || '(environment)'}: ${issue.message}`;
        })),
    ...crossFieldProblems(source),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const env = result.data;
  const localMode = !env.MicrosoftAppId;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    logLevel: env.LOG_LEVEL,
    bot: {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      appType: env.MicrosoftAppType,
      appTenantId: env.MicrosoftAppTenantId,
      localMode,
    },
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'sqlite', path: env.SQLITE_PATH },
    // PostgreSQL is likely a real, shared database: demo tenants and role grants only on request
    // there. SQLite is the developer's own file: demo data by default (issue 13, item 9).
    demoData: env.DEMO_DATA ?? !env.DATABASE_URL,
    allowedTenantIds: env.ALLOWED_TENANT_IDS,
    defaultTimeZone: env.DEFAULT_TIME_ZONE,
    esdWindow: { pastDays: env.ESD_WINDOW_PAST_DAYS, futureDays: env.ESD_WINDOW_FUTURE_DAYS },
    overwritePolicy: {
      alsoForFmWorkloads: [...new Set<ConfigurableOverwriteRole>(env.ESD_OVERWRITE_ROLES)],
    },
    gateway: {
      webhookSecrets: [env.GATEWAY_WEBHOOK_SECRET, env.GATEWAY_WEBHOOK_SECRET_PREVIOUS].filter(
        (s): s is string => !!s,
      ),
    },
    serviceAuth: {
      audiences: env.ENTRA_API_AUDIENCE
        ? [env.ENTRA_API_AUDIENCE, env.MicrosoftAppId].filter((s): s is string => !!s)
        : [],
      tenantIds: env.ENTRA_API_TENANT_IDS,
      openIdMetadataUrl: env.ENTRA_OPENID_METADATA_URL,
    },
    reminders: {
      localTime: env.REMINDER_LOCAL_TIME,
      followUpBusinessDays: env.FOLLOW_UP_BUSINESS_DAYS,
      graceDays: env.REMINDER_GRACE_DAYS,
      weeklyDigest: env.WEEKLY_DIGEST,
    },
    appInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    proactive: {
      maxPerSecond: env.PROACTIVE_MAX_RPS,
      conversationIntervalMs: env.PROACTIVE_CONVERSATION_INTERVAL_MS,
      maxAttempts: env.PROACTIVE_MAX_ATTEMPTS,
      sendTimeoutMs: env.PROACTIVE_SEND_TIMEOUT_MS,
      leaseMs: env.PROACTIVE_LEASE_MS,
    },
    subscriptions: {
      suspendAfter: env.SUBSCRIPTION_SUSPEND_AFTER,
      maxPerSecond: env.SUBSCRIPTION_MAX_RPS,
      timeoutMs: source.SUBSCRIPTION_TIMEOUT_MS?.trim()
        ? env.SUBSCRIPTION_TIMEOUT_MS
        : Math.min(env.SUBSCRIPTION_TIMEOUT_MS, Math.floor(env.PROACTIVE_LEASE_MS / 2)),
    },
    retention: {
      botStateDays: env.BOT_STATE_RETENTION_DAYS,
      outboxDays: env.OUTBOX_RETENTION_DAYS,
      eventDays: env.EVENT_RETENTION_DAYS,
    },
    reports: { capacityWeeks: env.CAPACITY_WEEKS },
    typingDelayMs: env.TYPING_DELAY_MS,
    planner: {
      ssoAudiences: [env.PLANNER_SSO_AUDIENCE, env.MicrosoftAppId].filter((s): s is string => !!s),
      openIdMetadataUrl: env.PLANNER_OPENID_METADATA_URL,
    },
  };
}

/** Reads `.env` (when present) into the process environment, then parses it. */
export function loadConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig(process.env);
}

/**
 * For `npm run package`: only the bot's app id matters there, so the rest of the configuration
 * (a secret in particular) need not be present on the machine that builds the package.
 */
export function loadAppIdForPackaging(): string {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const appId = process.env.MicrosoftAppId?.trim();
  if (!appId || !GUID.test(appId)) {
    throw new ConfigError([
      "MicrosoftAppId: must be set to the bot's Microsoft App ID (a GUID) to build the Teams app package",
    ]);
  }
  return appId;
}
