import type restify from 'restify';
import { z } from '../../config/zod.js';
import {
  type CalendarDate,
  calendarDateIn,
  isCalendarDate,
  WORKLOAD_CODES,
} from '../../domain/index.js';
import {
  capacityRange,
  computeCapacity,
  computeTimeline,
  upcomingReport,
} from '../../reports/index.js';
import type { ServerDeps } from '../deps.js';
import { APP_ROLES, type ServiceAuth } from '../service-auth.js';
import { received } from '../signature.js';
import {
  capacityCsv,
  capacityJson,
  tenantCsv,
  tenantJson,
  upcomingCsv,
  upcomingJson,
} from './format.js';

/**
 * GET /api/reports/capacity, GET /api/reports/upcoming and GET /api/tenants/{id}, for the
 * Gateway Team's and the managers' systems (docs/api.md, "Reports API"): JSON, or CSV with
 * `Accept: text/csv`. Signed with the same secret(s) as the Gateway webhook, over the method, the
 * path and the query (../signature.ts): a captured signature reads this report with this query
 * and nothing else. Disabled (503) until GATEWAY_WEBHOOK_SECRET is set.
 */

/**
 * JSON whatever the Accept header says: restify would otherwise pick a formatter from it, and a
 * client asking for text/csv gets its errors as JSON, which docs/api.md promises.
 */
function sendJson(res: restify.Response, status: number, body: unknown): void {
  res.setHeader('content-type', 'application/json');
  res.send(status, body);
}

/**
 * The dates a report may start from. With at most 52 weeks or 366 days after them, every date a
 * report computes stays a four-digit year: 9999-12-31 was answered 503 ("Invalid time value")
 * and "until":"+010000-12" (issue 13, item 7).
 */
export const REPORT_DATE_MIN = '2000-01-01';
export const REPORT_DATE_MAX = '2199-12-31';

const date = z
  .string()
  .trim()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')
  .refine(
    (value) => value >= REPORT_DATE_MIN && value <= REPORT_DATE_MAX,
    `must be between ${REPORT_DATE_MIN} and ${REPORT_DATE_MAX}`,
  );
const count = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const upn = z.string().trim().min(1).max(254);

const capacityQuery = z.strictObject({
  weeks: count(1, 52).optional(),
  from: date.optional(),
  fm: z.string().trim().min(1, 'must not be empty').max(254).optional(),
  workload: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(WORKLOAD_CODES, { error: `must be one of ${WORKLOAD_CODES.join(', ')}` }))
    .optional(),
});

const upcomingQuery = z.strictObject({
  asOf: date.optional(),
  days: count(1, 366).optional(),
  overdueDays: count(0, 366).optional(),
  fm: upn.optional(),
});

const noQuery = z.strictObject({});

interface Problem {
  path: string;
  message: string;
}

function problemsOf(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: key, message: 'unknown parameter' });
    } else {
      problems.push({
        path: issue.path.map(String).join('.') || '(query)',
        message: issue.message,
      });
    }
  }
  return problems;
}

type Format = 'json' | 'csv' | null;

/**
 * JSON unless the Accept header prefers text/csv (quality values count); null when it accepts
 * neither. No Accept header: JSON.
 */
export function negotiate(accept: string | undefined): Format {
  if (!accept?.trim()) return 'json';
  let json = 0;
  let csv = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const type = range.trim();
    if (type === 'application/json' || type === 'application/*') json = Math.max(json, q);
    if (type === 'text/csv' || type === 'text/*') csv = Math.max(csv, q);
    if (type === '*/*') {
      json = Math.max(json, q);
      csv = Math.max(csv, q * 0.999);
    }
  }
  if (json <= 0 && csv <= 0) return null;
  return csv > json ? 'csv' : 'json';
}

export function reportRoutes(server: restify.Server, deps: ServerDeps, auth: ServiceAuth): void {
  const log = deps.logger;

  /** Authenticated, with a format the client accepts and a valid query; else answered here. */
  async function preflight<T extends z.ZodType>(
    req: restify.Request,
    res: restify.Response,
    schema: T,
  ): Promise<{ format: 'json' | 'csv'; query: z.output<T> } | null> {
    // The HMAC signature, or an Entra ID token with the app role Reports.Read (issue 17).
    const authorized = await auth.check(
      req,
      received(req),
      APP_ROLES.reportsRead,
      'the reports API',
    );
    if (!authorized.ok) {
      if (authorized.status !== 503)
        log.warn(
          { method: req.method, url: req.getPath(), problem: authorized.body.message },
          'reports request refused',
        );
      sendJson(res, authorized.status, authorized.body);
      return null;
    }
    const format = negotiate(req.header('accept'));
    if (!format) {
      sendJson(res, 406, {
        error: 'not_acceptable',
        message: 'this resource is available as application/json or text/csv',
      });
      return null;
    }
    const parsed = schema.safeParse(req.query ?? {});
    if (!parsed.success) {
      sendJson(res, 400, { error: 'invalid_query', problems: problemsOf(parsed.error) });
      return null;
    }
    return { format, query: parsed.data };
  }

  function answer(
    res: restify.Response,
    format: 'json' | 'csv',
    filename: string,
    json: () => unknown,
    csv: () => string,
  ) {
    if (format === 'json') {
      sendJson(res, 200, json());
      return;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}.csv"`);
    res.sendRaw(200, csv());
  }

  function unavailable(res: restify.Response, error: unknown, what: string) {
    log.error({ err: (error as Error)?.message ?? String(error) }, `${what} failed`);
    sendJson(res, 503, { error: 'unavailable', retry: true });
  }

  const today = () => calendarDateIn(deps.now(), 'UTC');

  server.get('/api/reports/capacity', async (req, res) => {
    const ok = await preflight(req, res, capacityQuery);
    if (!ok) return;
    const weeks = ok.query.weeks ?? deps.config.reports.capacityWeeks;
    const from = (ok.query.from ?? today()) as CalendarDate;
    try {
      const range = capacityRange(from, weeks);
      const data = await deps.store.capacityData(range.from, range.to);
      const report = computeCapacity({
        ...data,
        today: from,
        weeks,
        filter: { fm: ok.query.fm ?? null, workload: ok.query.workload ?? null },
      });
      answer(
        res,
        ok.format,
        `capacity-${report.from}`,
        () => capacityJson(report),
        () => capacityCsv(report),
      );
    } catch (error) {
      unavailable(res, error, 'the capacity report');
    }
  });

  server.get('/api/reports/upcoming', async (req, res) => {
    const ok = await preflight(req, res, upcomingQuery);
    if (!ok) return;
    const asOf = (ok.query.asOf ?? today()) as CalendarDate;
    const days = ok.query.days ?? 30;
    const overdueDays = ok.query.overdueDays ?? 30;
    try {
      const report = await upcomingReport(
        {
          items: (since, until) => deps.store.fmStartsBetween(since, until, ok.query.fm),
          startedKeys: (since, until) => deps.store.startedKeys(since, until),
          documentedKeys: (since, until) => deps.store.documentedKeys(since, until),
        },
        { today: asOf, days, overdueDays },
      );
      answer(
        res,
        ok.format,
        `upcoming-${asOf}`,
        () => upcomingJson(report),
        () => upcomingCsv(report),
      );
    } catch (error) {
      unavailable(res, error, 'the upcoming report');
    }
  });

  server.get('/api/tenants/:tenantId', async (req, res) => {
    const ok = await preflight(req, res, noQuery);
    if (!ok) return;
    const tenantId = String(req.params?.tenantId ?? '').trim();
    try {
      const found =
        tenantId.length > 0 && tenantId.length <= 100
          ? await deps.store.tenantWithWorkloads(tenantId.toLowerCase())
          : null;
      if (!found) {
        sendJson(res, 404, { error: 'not_found' });
        return;
      }
      const timeline = computeTimeline(found.tenant, found.workloads);
      answer(
        res,
        ok.format,
        `tenant-${found.tenant.id}`,
        () => tenantJson(timeline),
        () => tenantCsv(timeline),
      );
    } catch (error) {
      unavailable(res, error, 'reading a tenant');
    }
  });
}
