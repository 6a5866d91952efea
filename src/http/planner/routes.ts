import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import type { Config } from '../../config/config.js';
import { z } from '../../config/zod.js';
import {
  type Actor,
  addDays,
  type CalendarDate,
  calendarDateIn,
  isCalendarDate,
  L1_STATUSES,
  mayAccess,
  type NoResponseKind,
  type Tenant,
  WORKLOAD_CODES,
  type Workload,
} from '../../domain/index.js';
import { LANGUAGES, resolveLanguage } from '../../i18n/language.js';
import { PLANNER_STRINGS } from '../../i18n/planner.js';
import { t } from '../../i18n/translate.js';
import type { Logger } from '../../log/logger.js';
import {
  type Assigned,
  type CapacityFm,
  type CapacityStart,
  canSeeCapacity,
  canSeeTenant,
  capacityRange,
  computeCapacity,
  computeTimeline,
  computeUpcoming,
  fold,
} from '../../reports/index.js';
import {
  capacityCsv,
  capacityJson,
  tenantCsv,
  tenantJson,
  upcomingCsv,
  upcomingJson,
} from '../reports/format.js';
import { SsoValidator } from './sso.js';

/**
 * The planner tab (issue 18): a page and the JSON it reads, under /planner and /api/planner/*.
 * Who is asking: in Teams, a Teams SSO token checked against Entra ID (./sso.ts); in local mode
 * (no MicrosoftAppId, loopback only) the demo FM, or the demo Gateway user with `?as=gateway`.
 * What they see: rows filtered one by one with domain/access.ts, the same rule as the chat.
 */

const date = z
  .string()
  .trim()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')
  .refine((v) => v >= '2000-01-01' && v <= '2199-12-31', 'must be between 2000 and 2199');
const count = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const workload = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(WORKLOAD_CODES, { error: `must be one of ${WORKLOAD_CODES.join(', ')}` }));
const common = {
  /** Local mode's identity switch; ignored when Teams SSO is on. */
  as: z.string().optional(),
  format: z.enum(['json', 'csv']).optional(),
  fm: z.string().trim().max(254).optional(),
  workload: z.union([z.literal(''), workload]).optional(),
};
const capacityQuery = z.strictObject({
  ...common,
  from: date.optional(),
  weeks: count(1, 26).optional(),
});
const upcomingQuery = z.strictObject({
  ...common,
  from: date.optional(),
  days: count(1, 366).optional(),
  overdueDays: count(0, 366).optional(),
});
const tenantsQuery = z.strictObject({ ...common, q: z.string().trim().max(200).optional() });
const timelineQuery = z.strictObject(common);

/** Where the page's files are: planner/ at the repository root, from src/ or from dist/src/. */
function staticDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../../planner'), join(here, '../../../../planner')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? (candidates[0] as string);
}

/** The Teams JS client library, served from node_modules: nothing is fetched from the internet. */
function teamsJsPath(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../..', '../../../..']) {
    const file = join(here, up, 'node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * Local mode's people: the demo data's FM and Gateway user (src/store/demo-data.ts). By UPN only:
 * the rules compare UPNs when the actor has no object id (domain/permissions.ts).
 */
const DEMO_FM = { upn: 'alexw@example.com', name: 'Alex Wilber' } as const;
const DEMO_GATEWAY = { upn: 'adelev@example.com', name: 'Adele Vance' } as const;

const ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'planner.js': 'text/javascript; charset=utf-8',
  'planner.css': 'text/css; charset=utf-8',
};

function sendJson(res: restify.Response, status: number, body: unknown): void {
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.send(status, body);
}

function sendCsv(res: restify.Response, filename: string, csv: string): void {
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}.csv"`);
  res.setHeader('cache-control', 'no-store');
  res.sendRaw(200, csv);
}

/**
 * The Store methods the planner reads, by shape: src/store/store.ts answers them (the one door),
 * and the planner needs no import of the store's modules.
 */
export interface PlannerStore {
  plannerStarts(from: CalendarDate, to: CalendarDate): Promise<Assigned[]>;
  capacityData(
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<{ fms: CapacityFm[]; starts: CapacityStart[] }>;
  startedKeys(from: CalendarDate, to: CalendarDate): Promise<Set<string>>;
  documentedKeys(from: CalendarDate, to: CalendarDate): Promise<Map<string, NoResponseKind>>;
  tenantWithWorkloads(tenantId: string): Promise<{ tenant: Tenant; workloads: Workload[] } | null>;
  tenantsMatching(
    query: string,
    limit?: number,
  ): Promise<{ tenant: Tenant; workloads: Workload[] }[]>;
  loadActor(identity: {
    aadObjectId?: string | null;
    upn?: string | null;
    name: string;
  }): Promise<Actor>;
}

/** What the planner needs of the server's dependencies (a subset of ServerDeps). */
export interface PlannerDeps {
  store: PlannerStore;
  logger: Logger;
  config: Config;
  now: () => Date;
}

/** `isLoopbackHost` is server.ts's Host check, passed in so that local mode guards both alike. */
export function plannerRoutes(
  server: restify.Server,
  deps: PlannerDeps,
  isLoopbackHost: (host: string | undefined) => boolean,
): void {
  const { config, store, logger } = deps;
  const localMode = config.bot.localMode;
  const sso = localMode
    ? null
    : new SsoValidator({
        metadataUrl: config.planner.openIdMetadataUrl,
        audiences: config.planner.ssoAudiences,
        allowedTenantIds: config.allowedTenantIds,
      });
  const dir = staticDir();
  const today = () => calendarDateIn(deps.now(), 'UTC');

  /** Local mode answers a loopback Host only, as /api/messages does (DNS rebinding). */
  function loopbackOk(req: restify.Request, res: restify.Response): boolean {
    if (!localMode || isLoopbackHost(req.headers.host)) return true;
    sendJson(res, 403, {
      error: 'forbidden',
      message: 'local mode answers requests to localhost, 127.0.0.1 or [::1] only',
    });
    return false;
  }

  /** The person asking, or null once answered (401/403, or 503 when their roles cannot be read). */
  async function actorOf(req: restify.Request, res: restify.Response): Promise<Actor | null> {
    if (!loopbackOk(req, res)) return null;
    let identity: Parameters<PlannerStore['loadActor']>[0];
    if (!sso) {
      const demo = (req.query as Record<string, unknown> | undefined)?.as === 'gateway';
      identity = demo ? DEMO_GATEWAY : DEMO_FM;
    } else {
      const result = await sso.validate(req.header('authorization'));
      if (!result.ok) {
        logger.warn({ url: req.getPath(), problem: result.problem }, 'planner request refused');
        sendJson(res, 401, { error: 'unauthorized' });
        return null;
      }
      identity = result.identity;
    }
    try {
      return await store.loadActor(identity);
    } catch (error) {
      // The documented 503, not restify's 500 with its own body (docs/openapi.yaml).
      failed(res, error, 'reading who is asking');
      return null;
    }
  }

  /** Authenticated, then the query checked; else answered here. */
  async function preflight<T extends z.ZodType>(
    req: restify.Request,
    res: restify.Response,
    schema: T,
  ): Promise<{ actor: Actor; query: z.output<T> } | null> {
    const actor = await actorOf(req, res);
    if (!actor) return null;
    const parsed = schema.safeParse(req.query ?? {});
    if (!parsed.success) {
      sendJson(res, 400, {
        error: 'invalid_query',
        problems: parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.') || '(query)',
          message: i.message,
        })),
      });
      return null;
    }
    return { actor, query: parsed.data };
  }

  function failed(res: restify.Response, error: unknown, what: string) {
    logger.error({ err: (error as Error)?.message ?? String(error) }, `planner: ${what} failed`);
    sendJson(res, 503, { error: 'unavailable', retry: true });
  }

  /** Dated In Progress workloads in [from, to] that `actor` may see (domain/access.ts). */
  async function visibleStarts(actor: Actor, from: CalendarDate, to: CalendarDate) {
    const all = await store.plannerStarts(from, to);
    return all.filter((item) => mayAccess(actor, [item.workload.channel]));
  }

  const fmOf = (item: Assigned) =>
    item.workload.channel.type === 'fm' ? item.workload.channel.fm.upn.toLowerCase() : null;

  // --- The page ------------------------------------------------------------------------------

  server.get('/planner', async (req, res) => {
    if (!loopbackOk(req, res)) return;
    const html = readFileSync(join(dir, 'index.html'));
    res.setHeader('content-type', ASSETS['index.html'] as string);
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, html);
  });
  server.get('/planner/:file', async (req, res) => {
    if (!loopbackOk(req, res)) return;
    const file = String(req.params?.file ?? '');
    const path = file === 'teams-js.js' ? teamsJsPath() : ASSETS[file] ? join(dir, file) : null;
    if (!path || !existsSync(path)) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    res.setHeader('content-type', ASSETS[file] ?? 'text/javascript; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, readFileSync(path));
  });

  /** The page's words, in the person's language: not data, so no sign-in needed. */
  server.get('/api/planner/strings', async (req, res) => {
    if (!loopbackOk(req, res)) return;
    const asked = String((req.query as Record<string, unknown> | undefined)?.lang ?? '');
    const language = resolveLanguage(asked || req.header('accept-language')?.split(',')[0]);
    sendJson(res, 200, {
      language,
      languages: LANGUAGES,
      workloads: WORKLOAD_CODES,
      // The L1 statuses as the chat names them (src/i18n), for the timeline and its table.
      statuses: Object.fromEntries(L1_STATUSES.map((st) => [st, t(language, `status.${st}`)])),
      strings: PLANNER_STRINGS[language],
    });
  });

  // --- Data ----------------------------------------------------------------------------------

  server.get('/api/planner/me', async (req, res) => {
    const ok = await preflight(req, res, timelineQuery);
    if (!ok) return;
    const { actor } = ok;
    sendJson(res, 200, {
      name: actor.name,
      upn: actor.upn,
      roles: actor.roles,
      partnerName: actor.partnerName ?? null,
      seesEveryone: canSeeCapacity(actor),
      localMode,
    });
  });

  /** FMs × ISO weeks: starts per week (estimates apart), and the workloads behind each cell. */
  server.get('/api/planner/capacity', async (req, res) => {
    const ok = await preflight(req, res, capacityQuery);
    if (!ok) return;
    const { actor, query } = ok;
    const from = (query.from ?? today()) as CalendarDate;
    const weeks = query.weeks ?? config.reports.capacityWeeks;
    const code = query.workload || null;
    try {
      const range = capacityRange(from, weeks);
      const items = (await visibleStarts(actor, range.from, range.to)).filter(
        (item) => fmOf(item) !== null,
      );
      // Every FM for those who assign and balance (free capacity shows); else the FMs whose
      // workloads this person may see (an FM: their own row).
      const shownFms = canSeeCapacity(actor)
        ? (await store.capacityData(range.from, range.to)).fms
        : [...new Set(items.map((i) => fmOf(i) as string))].map((upn) => ({
            upn,
            name: upn === actor.upn ? actor.name : null,
            codes: items.filter((i) => fmOf(i) === upn).map((i) => i.workload.code),
          }));
      const report = computeCapacity({
        fms: shownFms,
        starts: items.map((item) => ({
          fmUpn: fmOf(item) as string,
          code: item.workload.code,
          date: item.workload.esd?.date as CalendarDate,
          estimate: item.workload.esd?.estimate ?? false,
        })),
        today: from,
        weeks,
        filter: { fm: query.fm || null, workload: code },
      });
      if (query.format === 'csv') {
        sendCsv(res, `capacity-${report.from}`, capacityCsv(report));
        return;
      }
      const rows = new Set(report.rows.map((r) => r.upn));
      sendJson(res, 200, {
        ...capacityJson(report),
        maxCell: report.maxCell,
        // For the click-through: the workloads behind the cells shown.
        workloads: items
          .filter((i) => rows.has(fmOf(i) as string) && (!code || i.workload.code === code))
          .map((i) => ({
            fmUpn: fmOf(i),
            tenantId: i.tenant.id,
            customerName: i.tenant.customerName,
            code: i.workload.code,
            date: i.workload.esd?.date,
            estimate: i.workload.esd?.estimate ?? false,
          })),
      });
    } catch (error) {
      failed(res, error, 'capacity');
    }
  });

  /**
   * The next days' starts, overdue ones first (R1, and "communication started" answers), the
   * documented missing answers (R7) apart.
   */
  server.get('/api/planner/upcoming', async (req, res) => {
    const ok = await preflight(req, res, upcomingQuery);
    if (!ok) return;
    const { actor, query } = ok;
    const asOf = (query.from ?? today()) as CalendarDate;
    const days = query.days ?? 28;
    const overdueDays = query.overdueDays ?? 30;
    const fm = query.fm ? fold(query.fm) : null;
    try {
      const since = addDays(asOf, -overdueDays);
      const items = (await visibleStarts(actor, since, addDays(asOf, days))).filter(
        (i) =>
          (!query.workload || i.workload.code === query.workload) &&
          (!fm || (fmOf(i) ?? '').includes(fm)),
      );
      const started = await store.startedKeys(since, asOf);
      const documented = await store.documentedKeys(since, asOf);
      const report = computeUpcoming({
        items,
        today: asOf,
        days,
        overdueDays,
        started,
        documented,
      });
      if (query.format === 'csv') sendCsv(res, `upcoming-${asOf}`, upcomingCsv(report));
      else sendJson(res, 200, upcomingJson(report));
    } catch (error) {
      failed(res, error, 'upcoming');
    }
  });

  /** Customers this person may see: by name, or (no name) those with a start in the year ahead. */
  server.get('/api/planner/tenants', async (req, res) => {
    const ok = await preflight(req, res, tenantsQuery);
    if (!ok) return;
    const { actor, query } = ok;
    try {
      let tenants: { id: string; name: string; customerName: string }[];
      if (query.q) {
        const found = await store.tenantsMatching(query.q, 50);
        tenants = found
          .filter((f) =>
            canSeeTenant(
              actor,
              f.workloads.map((w) => w.channel),
            ),
          )
          .map((f) => f.tenant);
      } else {
        const items = await visibleStarts(actor, addDays(today(), -90), addDays(today(), 365));
        const byId = new Map(items.map((i) => [i.tenant.id, i.tenant]));
        tenants = [...byId.values()].sort((a, b) => a.customerName.localeCompare(b.customerName));
      }
      sendJson(res, 200, { tenants });
    } catch (error) {
      failed(res, error, 'tenants');
    }
  });

  /**
   * One customer's workloads as bars, from the ESD to the Target Date of the In Progress line where
   * one is known; gaps from a Target Date to the next start (FAQ purpose 3), or start to start
   * where no Target Date is known: `gapMeasure`, and `measure` on each gap, say which.
   */
  server.get('/api/planner/timeline/:tenantId', async (req, res) => {
    const ok = await preflight(req, res, timelineQuery);
    if (!ok) return;
    const tenantId = String(req.params?.tenantId ?? '')
      .trim()
      .toLowerCase();
    try {
      const found =
        tenantId && tenantId.length <= 100 ? await store.tenantWithWorkloads(tenantId) : null;
      // Unknown and not allowed look the same: the page must not learn which tenants exist.
      if (
        !found ||
        !canSeeTenant(
          ok.actor,
          found.workloads.map((w) => w.channel),
        )
      ) {
        sendJson(res, 404, { error: 'not_found' });
        return;
      }
      const timeline = computeTimeline(found.tenant, found.workloads);
      if (ok.query.format === 'csv') {
        sendCsv(res, `timeline-${found.tenant.id}`, tenantCsv(timeline));
        return;
      }
      sendJson(res, 200, tenantJson(timeline));
    } catch (error) {
      failed(res, error, 'timeline');
    }
  });
}
