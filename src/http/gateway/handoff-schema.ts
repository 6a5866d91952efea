import { createHash } from 'node:crypto';
import { z } from '../../config/zod.js';
import {
  type CalendarDate,
  canonicalLines,
  checkEntitlementLines,
  cleanL2Reason,
  cleanLine,
  cleanText,
  ENTITLEMENT_LINES_MAX,
  type EntitlementLine,
  effectiveL1Status,
  isCalendarDate,
  L1_STATUSES,
  type L1Status,
  L2_REASON_MAX,
  SEATS_MAX,
  WORKLOAD_CODES,
} from '../../domain/index.js';
import type { HandoffInput } from '../../store/index.js';

/**
 * The body of POST /api/gateway/handoffs (docs/api.md, docs/openapi.yaml). Objects are strict:
 * an unknown field is an error, not something silently dropped, so a typo in the Gateway
 * Team's system shows up at once instead of as a missing value.
 */

export const HANDOFF_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NAME_MAX = 200;
export const NOTES_MAX = 4000;
export const WORKLOADS_MAX = 50;

const name = z.string().overwrite(cleanLine).trim().min(1, 'must not be empty').max(NAME_MAX);
const upn = z
  .string()
  .trim()
  .max(254)
  .regex(UPN, 'must be a user principal name such as someone@example.com');
const guid = z.string().trim().regex(GUID, 'must be a GUID');

const fmChannel = z.strictObject({
  type: z.literal('FM'),
  fm: z.strictObject({
    upn,
    aadObjectId: guid.nullish(),
  }),
});
const frpChannel = z.strictObject({
  type: z.literal('FRP'),
  partnerName: name,
});

const calendarDate = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');

/** One line of the portal's Services tab: an L1 status, its seats, Target Date and L2 reason. */
const entitlementLine = z.strictObject({
  l1Status: z.enum(L1_STATUSES),
  seats: z.number().int('must be a whole number').min(0).max(SEATS_MAX).nullish(),
  targetDate: calendarDate.nullish(),
  l2Reason: z.string().overwrite(cleanLine).trim().max(L2_REASON_MAX).nullish(),
});

const workload = z
  .strictObject({
    code: z.enum(WORKLOAD_CODES),
    // One L1 status for all the workload's seats (the common case), or `entitlements`: the split.
    l1Status: z.enum(L1_STATUSES).optional(),
    entitlements: z.array(entitlementLine).min(1).max(ENTITLEMENT_LINES_MAX).optional(),
    // R3/R6: optional here; a new customer's In Progress workloads need it (checked with the store).
    engagementStartDate: calendarDate.nullish(),
  })
  .superRefine((item, ctx) => {
    if ((item.l1Status === undefined) === (item.entitlements === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['l1Status'],
        message: 'give l1Status (one line, all seats) or entitlements (the split), not both',
      });
    if (!item.entitlements) return;
    const lines = toLines(item.entitlements);
    for (const problem of checkEntitlementLines(lines)) {
      // The shape above already reports a bad date or count; what is left is the set's rules.
      const seats = problem.index === null ? null : lines[problem.index]?.seats;
      if (problem.field === 'targetDate' || (problem.field === 'seats' && seats !== null)) continue;
      ctx.addIssue({
        code: 'custom',
        path:
          problem.index === null
            ? ['entitlements']
            : ['entitlements', problem.index, problem.field ?? ''],
        message: problem.message,
      });
    }
  });

type WireLine = z.infer<typeof entitlementLine>;

function toLines(lines: readonly WireLine[]): EntitlementLine[] {
  return lines.map((line) => ({
    l1Status: line.l1Status,
    seats: line.seats ?? null,
    targetDate: (line.targetDate ?? null) as CalendarDate | null,
    l2Reason: cleanL2Reason(line.l2Reason),
  }));
}

/** A single line that says no more than an L1 status is the old `l1Status` form. */
function isBareLine(lines: readonly EntitlementLine[]): lines is [EntitlementLine] {
  const only = lines[0];
  return (
    lines.length === 1 &&
    !!only &&
    only.seats === null &&
    only.targetDate === null &&
    only.l2Reason === null
  );
}

export const handoffSchema = z.strictObject({
  handoffId: z.string().regex(HANDOFF_ID, 'must be 1 to 100 characters among A-Z a-z 0-9 . _ : -'),
  tenant: z.strictObject({
    id: guid,
    name,
    customerName: name,
  }),
  deliveryChannel: z.discriminatedUnion('type', [fmChannel, frpChannel]),
  workloads: z
    .array(workload)
    .min(1, 'must list at least one workload')
    .max(WORKLOADS_MAX)
    .superRefine(
      (items, ctx) => {
        // Run even when some item is malformed, so that every problem is listed at once.
        const seen = new Set<string>();
        for (const [index, item] of (Array.isArray(items) ? items : []).entries()) {
          const code = (item as { code?: unknown } | null)?.code;
          if (typeof code !== 'string') continue;
          if (seen.has(code))
            ctx.addIssue({
              code: 'custom',
              path: [index, 'code'],
              message: `duplicate workload code ${code}: each workload may appear once`,
            });
          seen.add(code);
        }
      },
      { when: () => true },
    ),
  enteredBy: z.strictObject({ upn, name }),
  notes: z.string().overwrite(cleanText).max(NOTES_MAX).nullish(),
});

export type HandoffBody = z.infer<typeof handoffSchema>;

export interface Problem {
  path: string;
  message: string;
}

/** Every zod issue as `{ path, message }`; an unknown field is reported at its own path. */
function problemsOf(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ path: [...path, key].join('.'), message: 'unknown field' });
    } else {
      problems.push({ path: path.join('.') || '(body)', message: issue.message });
    }
  }
  return problems;
}

export type ParsedHandoff =
  | { ok: true; handoff: HandoffInput; bodyHash: string }
  | { ok: false; problems: Problem[] };

/** Validates a parsed JSON body and maps it to what the store records. */
export function parseHandoff(json: unknown): ParsedHandoff {
  const result = handoffSchema.safeParse(json);
  if (!result.success) return { ok: false, problems: problemsOf(result.error) };
  const body = normalize(result.data);
  return { ok: true, handoff: toHandoffInput(body), bodyHash: bodyHash(body) };
}

/** Blank notes are no notes; an absent and a null optional field are the same thing. */
function normalize(body: HandoffBody): HandoffBody {
  const notes = body.notes?.trim();
  const channel =
    body.deliveryChannel.type === 'FM'
      ? {
          type: 'FM' as const,
          fm: {
            upn: body.deliveryChannel.fm.upn,
            ...(body.deliveryChannel.fm.aadObjectId
              ? { aadObjectId: body.deliveryChannel.fm.aadObjectId.toLowerCase() }
              : {}),
          },
        }
      : body.deliveryChannel;
  return {
    handoffId: body.handoffId,
    tenant: { ...body.tenant, id: body.tenant.id.toLowerCase() },
    deliveryChannel: channel,
    workloads: body.workloads.map((w) => {
      const lines = w.entitlements ? canonicalLines(toLines(w.entitlements)) : null;
      // The old form and a bare single line mean the same and hash the same (replays stay 200).
      const status: L1Status | undefined =
        lines && isBareLine(lines) ? lines[0].l1Status : w.l1Status;
      return {
        code: w.code,
        ...(lines && !isBareLine(lines)
          ? {
              entitlements: lines.map((line) => ({
                l1Status: line.l1Status,
                ...(line.seats !== null ? { seats: line.seats } : {}),
                ...(line.targetDate ? { targetDate: line.targetDate } : {}),
                ...(line.l2Reason ? { l2Reason: line.l2Reason } : {}),
              })),
            }
          : { l1Status: status }),
        ...(w.engagementStartDate ? { engagementStartDate: w.engagementStartDate } : {}),
      };
    }),
    enteredBy: body.enteredBy,
    ...(notes ? { notes } : {}),
  };
}

function toHandoffInput(body: HandoffBody): HandoffInput {
  const channel = body.deliveryChannel;
  return {
    handoffId: body.handoffId,
    tenant: body.tenant,
    channel:
      channel.type === 'FM'
        ? { type: 'fm', fm: { upn: channel.fm.upn, aadObjectId: channel.fm.aadObjectId ?? null } }
        : { type: 'frp', partnerName: channel.partnerName },
    workloads: body.workloads.map((w) => {
      const given = w.entitlements ? toLines(w.entitlements) : null;
      // A bare single line is the old form, and does what it does (src/store/entitlements.ts).
      const lines = given && !isBareLine(given) ? given : null;
      return {
        code: w.code,
        l1Status: given ? effectiveL1Status(given) : (w.l1Status as L1Status),
        entitlements: lines,
        engagementStartDate: (w.engagementStartDate ?? null) as CalendarDate | null,
      };
    }),
    enteredBy: body.enteredBy,
    notes: body.notes ?? null,
  };
}

/**
 * JSON with object keys sorted at every level, so that two bodies that mean the same thing
 * (keys in another order, other whitespace) hash the same.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of the canonical JSON of the normalized body. The workloads are a set (codes are
 * unique), so their order does not change the hash either.
 */
export function bodyHash(body: HandoffBody): string {
  const workloads = [...body.workloads].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return createHash('sha256')
    .update(canonicalJson({ ...body, workloads }))
    .digest('hex');
}
