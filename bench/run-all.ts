/**
 * `npm run bench`: every benchmark, one after the other, each in its own process (so none
 * inherits another's heap or JIT state), then bench/RESULTS.md from all their figures.
 * BENCH_QUICK=1 shortens every run (a smoke test; the figures are then not worth keeping).
 */
import { spawn } from 'node:child_process';
import { ROOT } from './lib/proc.js';
import { BENCHES, writeResults } from './lib/report.js';

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
writeResults();
process.stderr.write(
  `\nbench: done in ${((performance.now() - started) / 60_000).toFixed(1)} min; bench/RESULTS.md written` +
    (failed.length ? `; FAILED: ${failed.join(', ')}\n` : '\n'),
);
process.exit(failed.length ? 1 : 0);
