import { readFileSync } from 'node:fs';
import { ROOT } from './proc.js';

/** Our code: src/ through tsx, or dist/src/ (the build, as the turn benchmark runs it). */
const OURS = new RegExp(`^(file://)?${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(dist/)?src/`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code comes from, for "the framework's cost vs ours". */
export const GROUPS = [
  'Bot Framework (botbuilder, connector, schema, @azure)',
  'Bot Framework dialogs (botbuilder-dialogs)',
  'date recognizer (@microsoft/recognizers-text)',
  'card templating (adaptivecards-templating, adaptive-expressions)',
  'HTTP server (restify and its parsers)',
  'database driver (kysely, pg)',
  'SQLite engine (better-sqlite3, native)',
  'logging and metrics (pino, prom-client)',
  'esd-bot code (src/)',
  'other packages',
  'Node.js runtime (http, streams, timers, crypto …)',
  'garbage collector',
  'V8 / native, unattributed ((program))',
] as const;
export type Group = (typeof GROUPS)[number];

function packageOf(url: string): string | null {
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const rest = url.slice(at + '/node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? null);
}

function groupOfUrl(url: string): Group | null {
  const pkg = packageOf(url);
  if (pkg) {
    if (pkg === 'botbuilder-dialogs') return 'Bot Framework dialogs (botbuilder-dialogs)';
    if (pkg.startsWith('@microsoft/recognizers-text'))
      return 'date recognizer (@microsoft/recognizers-text)';
    if (
      pkg === 'adaptivecards-templating' ||
      pkg === 'adaptive-expressions' ||
      pkg === 'adaptivecards'
    )
      return 'card templating (adaptivecards-templating, adaptive-expressions)';
    if (
      pkg.startsWith('botbuilder') ||
      pkg.startsWith('botframework') ||
      pkg.startsWith('@azure/') ||
      pkg === 'jsonwebtoken' ||
      pkg === 'uuid' ||
      pkg === 'node-fetch' ||
      pkg === 'whatwg-url' ||
      pkg === 'tslib'
    )
      return 'Bot Framework (botbuilder, connector, schema, @azure)';
    if (
      [
        'restify',
        'find-my-way',
        'send',
        'mime',
        'formidable',
        'qs',
        'csv',
        'negotiator',
        'spdy',
        'http-signature',
        'dtrace-provider',
        'lru-cache',
      ].includes(pkg)
    )
      return 'HTTP server (restify and its parsers)';
    if (pkg === 'kysely' || pkg.startsWith('pg')) return 'database driver (kysely, pg)';
    if (pkg === 'better-sqlite3') return 'SQLite engine (better-sqlite3, native)';
    if (
      pkg.startsWith('pino') ||
      pkg === 'prom-client' ||
      pkg === 'sonic-boom' ||
      pkg === 'fast-redact' ||
      pkg === 'tdigest' ||
      pkg === 'bintrees'
    )
      return 'logging and metrics (pino, prom-client)';
    return 'other packages';
  }
  if (OURS.test(url)) return 'esd-bot code (src/)';
  if (url.startsWith('node:') || url.startsWith('internal') || url === 'node:internal')
    return 'Node.js runtime (http, streams, timers, crypto …)';
  if (url === '') return null;
  return 'other packages';
}

export interface ProfileSummary {
  totalMs: number;
  byGroup: Record<Group, number>;
  /** Functions by self time, ms. */
  topSelf: { name: string; group: Group; ms: number }[];
  /** esd-bot functions by inclusive time (everything they called), ms. */
  topOursInclusive: { name: string; ms: number }[];
  /** Inclusive time by package, ms (a sample counts once per package on its stack). */
  packagesInclusive: Record<string, number>;
}

const SQLITE_NATIVE = new Set(['all', 'run', 'get', 'iterate', 'prepare', 'exec', 'pragma']);

/** Now on the clock V8's profiler uses (CLOCK_MONOTONIC, µs): the same in every process. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Self and inclusive CPU time by origin, from a .cpuprofile written by node --cpu-prof; only the
 * samples taken within `window` (monotonicUs() readings), so start-up and warm-up are left out.
 */
export function summarize(file: string, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) byId.set(node.id, node);
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const groupCache = new Map<number, Group>();
  const groupOf = (id: number): Group => {
    const cached = groupCache.get(id);
    if (cached) return cached;
    const node = byId.get(id) as ProfileNode;
    const { functionName, url } = node.callFrame;
    let group: Group;
    if (functionName === '(garbage collector)') group = 'garbage collector';
    else if (functionName === '(program)' || functionName === '(root)' || functionName === '(idle)')
      group = 'V8 / native, unattributed ((program))';
    else if (functionName === 'executeQuery' && /\/src\/store\/connect\.[jt]s$/.test(url))
      // Our cached-statement connection: its self time is better-sqlite3 running the statement
      // (and a commit's fsync), native calls the profiler charges to their JS caller.
      group = 'SQLite engine (better-sqlite3, native)';
    else {
      const own = groupOfUrl(url);
      if (own) group = own;
      else {
        // A native function (V8 builtin or addon) is charged to whoever called it, except the
        // SQLite statement calls kysely makes: those are the database engine's own time.
        const up = parent.get(id);
        const callerGroup =
          up === undefined ? 'V8 / native, unattributed ((program))' : groupOf(up);
        group =
          SQLITE_NATIVE.has(functionName) &&
          (callerGroup === 'database driver (kysely, pg)' ||
            callerGroup === 'SQLite engine (better-sqlite3, native)')
            ? 'SQLite engine (better-sqlite3, native)'
            : callerGroup;
      }
    }
    groupCache.set(id, group);
    return group;
  };

  const self = new Map<number, number>();
  let totalUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    if ((byId.get(id) as ProfileNode).callFrame.functionName === '(idle)') continue;
    self.set(id, (self.get(id) ?? 0) + dt);
    totalUs += dt;
  }

  const byGroup = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
  const fnSelf = new Map<string, { group: Group; us: number }>();
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(`file://${ROOT}/`, '').replace(/^.*\/node_modules\//, '');
    return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
  };
  const oursInclusive = new Map<string, number>();
  const packagesInclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const group = groupOf(id);
    byGroup[group] += us;
    const node = byId.get(id) as ProfileNode;
    const key = label(node);
    const entry = fnSelf.get(key) ?? { group, us: 0 };
    entry.us += us;
    fnSelf.set(key, entry);
    const seenOurs = new Set<string>();
    const seenPackages = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at) as ProfileNode;
      if (groupOfUrl(frame.callFrame.url) === 'esd-bot code (src/)') seenOurs.add(label(frame));
      const pkg = packageOf(frame.callFrame.url);
      if (pkg) seenPackages.add(pkg);
    }
    for (const key of seenOurs) oursInclusive.set(key, (oursInclusive.get(key) ?? 0) + us);
    for (const pkg of seenPackages)
      packagesInclusive.set(pkg, (packagesInclusive.get(pkg) ?? 0) + us);
  }
  const ms = (us: number) => us / 1000;
  for (const g of GROUPS) byGroup[g] = ms(byGroup[g]);
  return {
    totalMs: ms(totalUs),
    byGroup,
    topSelf: [...fnSelf.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 25)
      .map(([name, v]) => ({ name, group: v.group, ms: ms(v.us) })),
    topOursInclusive: [...oursInclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([name, us]) => ({ name, ms: ms(us) })),
    packagesInclusive: Object.fromEntries(
      [...packagesInclusive.entries()].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, ms(us)]),
    ),
  };
}
