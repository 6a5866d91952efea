import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type LocaleRelay, startLocaleRelay, teamsLocale } from '../../../scripts/playground.js';
import {
  type CalendarDate,
  calendarDateIn,
  instantAt,
  type WorkloadCode,
} from '../../../src/domain/index.js';
import { resolveLanguage } from '../../../src/i18n/language.js';
import { type MessageKey, type Params, t } from '../../../src/i18n/translate.js';
import { DEMO_TENANTS } from '../../../src/store/demo-data.js';
import { BotUnderTest } from './bot.js';
import { Emulator } from './emulator.js';
import { LogBuffer, runToEnd } from './processes.js';
import { TeamsPage } from './teams-page.js';

const ROOT = process.cwd();

/** One person's setting: the language their Teams client reports, and their time zone. */
export interface Person {
  /** BCP 47, as Teams sends it: en-US, pt-BR, es-ES, de-DE, ja-JP. */
  locale: string;
  timeZone: string;
  /** Screenshot prefix. */
  name: string;
}

export const ENGLISH: Person = { locale: 'en-US', timeZone: 'America/New_York', name: 'en' };
export const PORTUGUESE: Person = {
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  name: 'pt-BR',
};
export const SPANISH: Person = { locale: 'es-ES', timeZone: 'Europe/Madrid', name: 'es' };
export const GERMAN: Person = { locale: 'de-DE', timeZone: 'Europe/Berlin', name: 'de' };
export const JAPANESE: Person = { locale: 'ja-JP', timeZone: 'Asia/Tokyo', name: 'ja' };

export function demoTenant(customer: string) {
  const tenant = DEMO_TENANTS.find((t) => t.customerName.startsWith(customer));
  if (!tenant) throw new Error(`no demo tenant ${customer}`);
  return tenant;
}

/** "2026-11-23T10:00:00-05:00": an instant written as a wall-clock time with its UTC offset. */
export function localInstant(date: CalendarDate, time: string, timeZone: string): string {
  const instant = instantAt(date, time, timeZone);
  const wall = instantAt(date, time, 'UTC');
  const offset = Math.round((wall.getTime() - instant.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}

/**
 * Everything one language run needs: esd-bot on a fresh SQLite file, Agents Playground (its own
 * process, port and configuration, with the person's TZ and LANG), and headless Chromium on the
 * emulator's page. The emulator writes locale "en-US" on every activity whatever its LANG, so,
 * as Teams would, a relay between the two sets the person's locale on each activity
 * (scripts/playground.ts, startLocaleRelay). All of it is stopped by `close()`.
 */
export class World {
  readonly lang;
  readonly cliLog = new LogBuffer('npm run reminders');
  bot!: BotUnderTest;
  relay!: LocaleRelay;
  emulator!: Emulator;
  page!: TeamsPage;
  private readonly dir: string;

  constructor(readonly person: Person) {
    this.lang = resolveLanguage(person.locale);
    this.dir = mkdtempSync(join(tmpdir(), `esd-e2e-${person.name}-`));
  }

  async start(): Promise<void> {
    this.bot = await BotUnderTest.start(join(this.dir, 'esd-bot.db'));
    // The emulator refuses search results that carry a tap (no selectItem): see withoutTaps.
    this.relay = await startLocaleRelay(this.bot.url, teamsLocale(this.person.locale), {
      searchResultsWithoutTap: true,
    });
    this.emulator = await Emulator.start({
      botUrl: this.relay.url,
      lang: this.person.locale,
      timeZone: this.person.timeZone,
      dir: this.dir,
    });
    this.page = await TeamsPage.open({
      url: this.emulator.url,
      locale: this.person.locale,
      timeZone: this.person.timeZone,
      prefix: this.person.name,
    });
  }

  /** A string of the bot's, in this person's language. */
  t(key: MessageKey, params: Params = {}): string {
    return t(this.lang, key, params);
  }

  /** Today where the person is. */
  today(): CalendarDate {
    return calendarDateIn(new Date(), this.person.timeZone);
  }

  /** The current ESD of a demo workload, read from the bot's database. */
  async esdOf(customer: string, code: WorkloadCode): Promise<CalendarDate> {
    const workloads = await this.bot.store.tenantWorkloads(demoTenant(customer).id);
    const esd = workloads.find((w) => w.code === code)?.esd;
    if (!esd) throw new Error(`${customer} ${code} has no ESD`);
    return esd.date;
  }

  /** `npm run reminders -- --as-of <instant>` on the bot's SQLite file, as a separate process. */
  async reminders(asOf: string): Promise<string> {
    this.cliLog.push(`[test] npm run reminders -- --as-of ${asOf}`);
    const result = await runToEnd('npx', ['tsx', 'src/cli/reminders.ts', '--as-of', asOf], {
      cwd: ROOT,
      env: { ...process.env, ...this.bot.env, PROACTIVE_CONVERSATION_INTERVAL_MS: '0' },
      log: this.cliLog,
      timeoutMs: 60_000,
    });
    if (result.code !== 0)
      throw new Error(`npm run reminders exited with ${result.code}: ${result.stderr}`);
    return result.stdout;
  }

  logs(): string {
    return [
      this.bot?.log.tail(),
      this.emulator?.log.tail(80),
      this.cliLog.tail(40),
      this.page?.log.tail(40),
    ]
      .filter(Boolean)
      .join('\n');
  }

  async close(): Promise<void> {
    await this.page?.close();
    await this.emulator?.stop();
    await this.relay?.close();
    await this.bot?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A World for the tests of one file: started before them, stopped after them (whatever
 * happened), and its logs printed when a test fails.
 */
export function useWorld(person: Person): World {
  const world = new World(person);
  beforeAll(async () => {
    try {
      await world.start();
    } catch (error) {
      process.stderr.write(`${world.logs()}\n`);
      throw error;
    }
  });
  afterEach((context) => {
    if (context.task.result?.state === 'fail') {
      process.stderr.write(`\n===== logs after "${context.task.name}" failed =====\n`);
      process.stderr.write(`${world.logs()}\n`);
    }
  });
  afterAll(async () => {
    await world.close();
  });
  return world;
}
