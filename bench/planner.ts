/**
 * 6. The planner page's first render (issue 18): 500 FMs × 26 ISO weeks in headless Chromium,
 * from navigation to the heat map drawn (the page's `planner-ready` performance mark), against a
 * baseline page that fetches the same JSON and writes it as a plain HTML table. The data is
 * served by the real server (local mode) for /planner and its files, and by a route for the one
 * capacity call, so the figure is the page's own cost, not the database's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { QUICK, saveSection } from './lib/report.js';
import { fmt, median, spread, table } from './lib/stats.js';

const FMS = 500;
const WEEKS = 26;
const RUNS = QUICK ? 2 : Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET_MS = 1000;
const started = performance.now();

/** A capacity answer shaped like /api/planner/capacity's, with a plausible spread of starts. */
function capacity() {
  const weeks = Array.from({ length: WEEKS }, (_, i) => {
    const start = new Date(Date.UTC(2026, 10, 30 + 7 * i)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2026, 10, 36 + 7 * i)).toISOString().slice(0, 10);
    return {
      week: `2026-W${String(i + 1).padStart(2, '0')}`,
      start,
      end,
      starts: 0,
      estimates: 0,
      busiest: i === 3,
    };
  });
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const workloads: unknown[] = [];
  const fms = Array.from({ length: FMS }, (_, f) => {
    const upn = `fm${f}@example.com`;
    const cells = weeks.map((w) => {
      const starts = random() < 0.6 ? Math.floor(random() * 5) : 0;
      const estimates = starts && random() < 0.3 ? 1 : 0;
      for (let k = 0; k < starts; k++)
        workloads.push({
          fmUpn: upn,
          tenantId: `t-${f}-${k}`,
          customerName: `Customer ${f}-${k}`,
          code: 'EXO',
          date: w.start,
          estimate: k < estimates,
        });
      return { week: w.week, starts, estimates };
    });
    return { upn, name: `FM ${f}`, starts: cells.reduce((n, c) => n + c.starts, 0), weeks: cells };
  });
  return {
    from: weeks[0]?.start,
    to: weeks[WEEKS - 1]?.end,
    filter: { fm: null, workload: null },
    weeks,
    fms,
    maxCell: 4,
    workloads,
  };
}

const BASELINE = `<!doctype html><html><body><script type="module">
const data = await (await fetch('/api/planner/capacity?weeks=${WEEKS}&as=gateway')).json();
const rows = data.fms.map((f) => '<tr><th>' + f.upn + '</th>' + f.weeks.map((c) => '<td>' + c.starts + '</td>').join('') + '</tr>');
document.body.innerHTML = '<table>' + rows.join('') + '</table>';
document.body.dataset.ready = 'capacity';
performance.mark('planner-ready');
performance.mark('planner-complete');
</script></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'esd-bench-planner-'));
const app = await startApp(
  parseConfig({ PORT: '0', LOG_LEVEL: 'silent', SQLITE_PATH: join(dir, 'esd.db') }),
  createLogger('silent'),
  { background: false },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
const body = JSON.stringify(capacity());

async function firstRender(path: string): Promise<{ first: number; all: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/\/api\/planner\/capacity/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await context.route(/\/baseline$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: BASELINE }),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.goto(`${app.url}${path}`);
  await page.waitForSelector('body[data-ready="capacity"]', { timeout: 30_000 });
  // Wait for a frame, so that layout and paint of what was built are counted too.
  const ms = Number(
    await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() =>
      resolve(performance.getEntriesByName('planner-ready')[0]?.startTime ?? NaN)))`),
  );
  // Every row built (the planner draws the first screenful, then the rest in batches).
  await page.waitForFunction(
    `performance.getEntriesByName('planner-complete').length > 0`,
    undefined,
    { timeout: 30_000 },
  );
  const all = Number(
    await page.evaluate(`performance.getEntriesByName('planner-complete')[0].startTime`),
  );
  await context.close();
  return { first: ms, all };
}

const planner: number[] = [];
const complete: number[] = [];
const baseline: number[] = [];
try {
  await firstRender(`/planner?as=gateway&weeks=${WEEKS}`); // warm-up: the server's first request
  for (let i = 0; i < RUNS; i++) {
    const run = await firstRender(`/planner?as=gateway&weeks=${WEEKS}`);
    planner.push(run.first);
    complete.push(run.all);
    baseline.push((await firstRender('/baseline')).first);
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

const p = median(planner);
const b = median(baseline);
const markdown = [
  `${FMS} FMs × ${WEEKS} ISO weeks (${FMS * WEEKS} cells), headless Chromium, ${RUNS} runs each, alternating; time from navigation start to the heat map built (performance mark), plus one animation frame.`,
  '',
  table(
    ['page', 'first render, median (range)'],
    [
      [
        'planner (SVG heat map, table view, click-through data)',
        `${fmt(p)} ms (${spread(planner)})`,
      ],
      [
        'planner, every row built (first screenful at once, the rest in batches)',
        `${fmt(median(complete))} ms (${spread(complete)})`,
      ],
      [
        'baseline (same JSON as a bare HTML table, all rows at once)',
        `${fmt(b)} ms (${spread(baseline)})`,
      ],
      ['planner ÷ baseline', (p / b).toFixed(2)],
    ],
  ),
].join('\n');
await saveSection({
  name: 'planner',
  title: 'planner: first render of the planner page',
  command: 'npm run bench:planner',
  markdown,
  targets: [
    {
      what: `first render, ${FMS} FMs × ${WEEKS} weeks`,
      target: `< ${fmt(TARGET_MS)} ms`,
      measured: `${fmt(p)} ms`,
      met: p < TARGET_MS,
      note: `first screenful (60 FMs) drawn; every row built at ${fmt(median(complete))} ms; a bare HTML table of the same data: ${fmt(b)} ms`,
    },
  ],
  data: { planner, complete, baseline },
  seconds: (performance.now() - started) / 1000,
});
process.stdout.write(`${markdown}\n`);
