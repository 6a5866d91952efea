/**
 * The planner page (issue 18) in headless Chromium, against the real server in local mode with
 * the demo data: heat map and timeline rendered, a filter, the click-through, the CSV download,
 * Portuguese and Japanese, the dark theme, keyboard navigation. Screenshots go to
 * docs/screenshots/ (the README shows them).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Esd, noResponseNote } from '../../src/domain/index.js';
import { PLANNER_STRINGS } from '../../src/i18n/planner.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { TeamsHarness } from '../support/teams.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'docs', 'screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let teams: TeamsHarness;
let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), 'esd-planner-dl-'));

beforeAll(async () => {
  teams = await TeamsHarness.start();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await teams?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function open(query: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale,
    acceptDownloads: true,
  });
  // Nothing but this machine: any other request fails the test.
  await context.route(/^(?!http:\/\/127\.0\.0\.1).*/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${teams.app.url}/planner${query}`);
  return page;
}

describe('the planner page', () => {
  it('the Gateway user: heat map of every FM, a filter, a cell listing its workloads', async () => {
    const page = await open('?as=gateway&theme=light');
    await page.waitForSelector('body[data-ready="capacity"]');
    const cells = page.locator('rect.cell');
    expect(await page.locator('svg.heatmap [role="rowheader"]').allTextContents()).toEqual(
      expect.arrayContaining(['alexw@example.com', 'meganb@example.com']),
    );
    expect(await cells.count()).toBeGreaterThan(8);
    await page.screenshot({ path: join(SHOTS, 'planner-capacity-en.png') });

    // Click-through: a cell with starts lists its workloads.
    const busy = page.locator('rect.cell:not(.l0)').first();
    await busy.click();
    await expect.poll(() => page.locator('#cell').isVisible()).toBe(true);
    expect((await page.locator('#cell-list li').allTextContents()).join(' ')).toMatch(
      /\d{4}-\d\d-\d\d · [A-Z0-9]+ · /,
    );
    await page.screenshot({ path: join(SHOTS, 'planner-click-through-en.png') });

    // A filter: one FM.
    await page.fill('#f-fm', 'megan');
    await page.click('#filters button[type="submit"]');
    await expect
      .poll(() => page.locator('svg.heatmap [role="rowheader"]').allTextContents())
      .toEqual(['meganb@example.com']);

    // The table view of the same chart.
    await page.click('button.toggle[data-view="capacity"]');
    expect(await page.locator('#capacity-table table').isVisible()).toBe(true);
    expect(await page.locator('#capacity-table th[scope="row"]').allTextContents()).toEqual([
      'meganb@example.com',
    ]);

    // The CSV of what is shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const file = join(downloads, 'capacity.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toMatch(/^fm_upn,fm_name,/);
    expect(csv).toContain('meganb@example.com');
    expect(csv).not.toContain('alexw@example.com');
    await page.context().close();
  });

  it('keyboard: arrows move between cells, Enter opens one, Escape closes it', async () => {
    const page = await open('?as=gateway');
    await page.waitForSelector('body[data-ready="capacity"]');
    await page.locator('rect.cell[data-r="0"][data-c="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate("document.activeElement.getAttribute('data-c')")).toBe('1');
    expect(await page.evaluate("document.activeElement.getAttribute('data-r')")).toBe('1');
    expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toMatch(
      /week \d{4}-W\d\d: \d+ starts/,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#cell').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#cell').isVisible()).toBe(false);
    await page.context().close();
  });

  it('the FM: the customer timeline, gaps start to start, undated workloads apart (dark theme)', async () => {
    const page = await open('?tab=timeline&theme=dark');
    await page.waitForSelector('body[data-ready="timeline"]');
    expect(await page.locator('#tenant option').allTextContents()).not.toContain('Woodgrove Bank');
    await page.selectOption('#tenant', { label: 'Contoso Ltd' });
    await expect.poll(() => page.locator('svg.timeline rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.timeline .gaplbl').first().textContent()).toMatch(
      /days to the next start/,
    );
    expect(await page.locator('#undated li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^OD /)]),
    );
    expect(await page.evaluate('document.body.className')).toBe('theme-dark');
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: join(SHOTS, 'planner-timeline-dark.png') });
    await page.context().close();
  });

  it('upcoming and overdue, in Portuguese', async () => {
    const page = await open('?tab=upcoming&lang=pt-BR');
    await page.waitForSelector('body[data-ready="upcoming"]');
    expect(await page.locator('#tab-upcoming').textContent()).toBe('Próximos e atrasados');
    expect(await page.evaluate('document.documentElement.lang')).toBe('pt-BR');
    expect((await page.locator('#upcoming').textContent()) ?? '').toContain('Contoso Ltd');
    await page.screenshot({ path: join(SHOTS, 'planner-upcoming-pt-BR.png') });
    await page.context().close();
  });

  it('R7: a passed date the FM documented as not answered is listed apart, with what was recorded', async () => {
    const woodgrove = DEMO_TENANTS.find((t) => t.customerName === 'Woodgrove Bank')?.id as string;
    const exo = (await teams.app.store.tenantWorkloads(woodgrove)).find((w) => w.code === 'EXO');
    await contextOf(teams.app.store)
      .db.insertInto('status_notes')
      .values({
        tenant_id: woodgrove,
        workload_id: exo?.id as string,
        category: 'overall_status',
        text: noResponseNote({
          code: 'EXO',
          esd: exo?.esd as Esd,
          kind: 'no_answer',
          detail: null,
        }),
        author_name: 'Megan Bowen',
        author_upn: 'meganb@example.com',
        author_aad_object_id: null,
        created_at: '2026-11-28T10:00:00.000Z',
      })
      .execute();
    const page = await open('?tab=upcoming&as=gateway&fm=megan&from=2026-12-05');
    await page.waitForSelector('body[data-ready="upcoming"]');
    expect(await page.locator('#documented-title').textContent()).toBe(
      PLANNER_STRINGS.en.documented.replace('{count}', '1'),
    );
    const documented = (await page.locator('#documented').textContent()) ?? '';
    expect(documented).toContain('Woodgrove Bank');
    expect(documented).toContain(PLANNER_STRINGS.en.recorded_no_answer);
    const overdue = (await page.locator('#overdue').textContent()) ?? '';
    expect(overdue).toContain('SPO');
    expect(overdue).not.toContain('EXO');
    await page.context().close();
  });

  it('the heat map in Japanese, from the browser language, high contrast', async () => {
    const page = await open('?as=gateway&theme=contrast', 'ja-JP');
    await page.waitForSelector('body[data-ready="capacity"]');
    expect(await page.locator('#tab-capacity').textContent()).toBe('キャパシティ');
    expect(await page.locator('rect.cell').first().getAttribute('aria-label')).toMatch(/開始/);
    await page.screenshot({ path: join(SHOTS, 'planner-capacity-ja-contrast.png') });
    await page.context().close();
  });
});
