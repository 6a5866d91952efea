/**
 * `npm run bench`: every benchmark, one after the other, each in its own process (so none
 * inherits another's heap or JIT state), then bench/RESULTS.md from all their figures.
 * BENCH_QUICK=1 shortens every run (a smoke test; the figures are then not worth keeping).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/proc.js';
import { BENCHES, RESULTS_DIR, writeResults } from './lib/report.js';

const only = process.argv.slice(2);
const failed: string[] = [];
const started = performance.now();
for (const name of BENCHES) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`\n== bench:${name}\n`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.once('exit', resolve);
  });
  if (code !== 0) failed.push(name);
}
// The turn again on Node 24, in scripts/node24.sh's copy of the project (its own node_modules);
// its figures come back here. BENCH_NODE24=0 skips it.
if (process.env.BENCH_NODE24 !== '0' && (only.length === 0 || only.includes('turn-node24'))) {
  process.stderr.write('\n== bench:turn on Node 24\n');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('scripts/node24.sh', ['run', 'npx', 'tsx', 'bench/turn.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: process.env,
    });
    child.once('exit', resolve);
  });
  const made = join(ROOT, 'build', 'node24-tree', 'bench', '.data', 'results', 'turn-node24.json');
  if (code === 0 && existsSync(made)) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    copyFileSync(made, join(RESULTS_DIR, 'turn-node24.json'));
  } else failed.push('turn-node24');
}
writeResults();
process.stderr.write(
  `\nbench: done in ${((performance.now() - started) / 60_000).toFixed(1)} min; bench/RESULTS.md written` +
    (failed.length ? `; FAILED: ${failed.join(', ')}\n` : '\n'),
);
process.exit(failed.length ? 1 : 0);
