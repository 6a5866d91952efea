import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './databases.js';
import { type Machine, machine } from './machine.js';
import { ROOT } from './proc.js';

export interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
  /** By how much it falls short and why (or why it is met), one sentence. */
  note?: string;
}

export interface Section {
  name: BenchName;
  title: string;
  command: string;
  markdown: string;
  targets: Target[];
  data: unknown;
  machine: Machine;
  seconds: number;
}

/** The benchmark scripts, bench/<name>.ts, in the order `npm run bench` runs them. */
export const BENCHES = ['turn', 'write', 'sweep', 'fanout', 'startup', 'planner'] as const;
/** Sections of RESULTS.md: every benchmark, and the turn again on Node 24 (issue 22). */
export const SECTIONS = [...BENCHES, 'turn-node24'] as const;
export type BenchName = (typeof SECTIONS)[number];

export const RESULTS_DIR = join(DATA_DIR, 'results');

const RESULTS_MD = join(ROOT, 'bench', 'RESULTS.md');
const NOTES_MD = join(ROOT, 'bench', 'NOTES.md');

/** Saves one benchmark's figures and rewrites bench/RESULTS.md from every section on disk. */
export async function saveSection(section: Omit<Section, 'machine'>): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const full: Section = { ...section, machine: await machine() };
  writeFileSync(join(RESULTS_DIR, `${section.name}.json`), `${JSON.stringify(full, null, 2)}\n`);
  writeResults();
}

export function loadSection(name: BenchName): Section | null {
  const file = join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Section) : null;
}

const COMMANDS: Record<BenchName, string> = {
  turn: 'npm run bench:turn',
  write: 'npm run bench:write',
  sweep: 'npm run bench:sweep',
  fanout: 'npm run bench:fanout',
  startup: 'npm run bench:startup',
  planner: 'npm run bench:planner',
  'turn-node24': 'scripts/node24.sh run npm run bench:turn',
};

export function writeResults(): void {
  const sections = SECTIONS.map((name) => ({ name, section: loadSection(name) }));
  const latest = sections
    .map((s) => s.section)
    .filter((s): s is Section => s !== null)
    .sort((a, b) => b.machine.date.localeCompare(a.machine.date))[0];
  const out: string[] = [];
  out.push('# esd-bot benchmarks');
  out.push('');
  out.push(
    'Written by `npm run bench` (every benchmark, a few minutes) or one `npm run bench:<name>`; ' +
      'each rewrites this file from the figures of the latest run of every benchmark ' +
      '(kept in `bench/.data/results/`, not committed). Numbers on these machines are noisy, so ' +
      'the figures that matter are ratios measured side by side in one run, and every figure is ' +
      'the median of several runs (the range of the runs in parentheses).',
  );
  out.push('');
  if (latest) {
    const m = latest.machine;
    out.push('## Machine');
    out.push('');
    out.push(`| | |\n|---|---|`);
    out.push(`| CPU | ${m.nproc} × ${m.cpuModel} |`);
    out.push(`| RAM | ${m.ramGiB} GiB |`);
    out.push(`| kernel | Linux ${m.kernel} |`);
    out.push(`| Node.js | ${m.node} |`);
    out.push(`| PostgreSQL | ${m.postgres} (127.0.0.1:5432) |`);
    out.push(`| SQLite | ${m.sqlite} (better-sqlite3 ${m.packages['better-sqlite3']}) |`);
    for (const [pkg, v] of Object.entries(m.packages))
      if (pkg !== 'better-sqlite3') out.push(`| ${pkg} | ${v} |`);
    out.push(
      `| core pinning | ${m.pinning ? 'yes: the process under test on the last core, load generator and fake connector on the others (taskset)' : 'no (one core, or no taskset)'} |`,
    );
    out.push(`| code | ${m.commit} |`);
    out.push('');
  }
  out.push('## Targets');
  out.push('');
  out.push('| benchmark | what | target | measured | met | note |');
  out.push('|---|---|---|---|---|---|');
  for (const { name, section } of sections) {
    if (!section) {
      out.push(`| ${name} | – | – | not run yet (\`${COMMANDS[name]}\`) | – | |`);
      continue;
    }
    for (const t of section.targets)
      out.push(
        `| ${name} | ${t.what} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} | ${t.note ?? ''} |`,
      );
  }
  out.push('');
  for (const { name, section } of sections) {
    if (!section) {
      out.push(`## ${name}`);
      out.push('');
      out.push(`Not run yet: \`${COMMANDS[name]}\`.`);
      out.push('');
      continue;
    }
    out.push(`## ${section.title}`);
    out.push('');
    out.push(
      `Command: \`${section.command}\` (${Math.round(section.seconds)} s, run ${section.machine.date.slice(0, 16).replace('T', ' ')} UTC, Node.js ${section.machine.node}).`,
    );
    out.push('');
    out.push(section.markdown.trim());
    out.push('');
  }
  if (existsSync(NOTES_MD)) {
    out.push(readFileSync(NOTES_MD, 'utf8').trim());
    out.push('');
  }
  writeFileSync(RESULTS_MD, `${out.join('\n')}\n`);
}

/** Options shared by every benchmark: BENCH_QUICK=1 shortens every run (for a smoke test). */
export const QUICK = process.env.BENCH_QUICK === '1';
