import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { ENGLISH_MONTHS } from '../../support/months.js';
import { LogBuffer } from './processes.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'build', 'e2e-screenshots');

/** Debian's Chromium, headless, with nothing that would reach beyond this machine. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The emulator's page, driven as a person would: type in the message box, fill the Adaptive
 * Card's inputs (Fluent UI comboboxes, the date picker's calendar, text areas), press its buttons,
 * read what comes back. Every wait is bounded.
 */
export class TeamsPage {
  readonly log = new LogBuffer('browser');

  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
    private readonly profile: string,
    private readonly prefix: string,
  ) {}

  static async open(options: {
    url: string;
    locale: string;
    timeZone: string;
    /** Screenshot names start with it, e.g. "en". */
    prefix: string;
  }): Promise<TeamsPage> {
    const profile = mkdtempSync(join(tmpdir(), 'esd-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: options.locale,
      timezoneId: options.timeZone,
      timeout: 30_000,
    });
    context.setDefaultTimeout(15_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const teams = new TeamsPage(context, page, profile, options.prefix);
    page.on('console', (message) => {
      // Fonts from Microsoft's CDN cannot load here: cosmetic, and not worth the noise.
      if (message.type() === 'error' && !/ERR_NAME_NOT_RESOLVED/.test(message.text()))
        teams.log.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => teams.log.push(`page error: ${error.message}`));
    await page.goto(options.url, { timeout: 30_000 });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await teams.messageBox().waitFor();
    return teams;
  }

  private messageBox(): Locator {
    // In a channel the first box starts a new post; each post has its own reply box after it.
    return this.page.locator('[role=textbox][data-lexical-editor=true]').first();
  }

  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** The last card in the chat that shows `text`. */
  card(text: string | RegExp): Locator {
    return this.cards().filter({ hasText: text }).last();
  }

  /** Types a message in the box and sends it, like a person. */
  async say(text: string): Promise<void> {
    this.log.push(`[test] typing: ${text}`);
    await this.messageBox().click();
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /**
   * Opens another conversation of the emulator's list ("Group Chat", or a channel such as
   * "General"). Opening one sends the bot its installationUpdate and conversationUpdate again.
   */
  async openChat(name: string | RegExp): Promise<void> {
    await this.page.getByRole('treeitem', { name }).click();
    await this.messageBox().waitFor();
  }

  /**
   * "@esd-bot <text>" as a person types it: "@", the bot picked in the mention list, the rest;
   * sent, or in a channel posted as a new post.
   */
  async mention(bot: string, text: string, where: 'chat' | 'channel' = 'chat'): Promise<void> {
    this.log.push(`[test] typing: @${bot} ${text}`);
    await this.messageBox().click();
    await this.page.keyboard.type(`@${bot.slice(0, 3)}`);
    await this.page.locator('#typeahead-menu').getByRole('menuitem', { name: bot }).click();
    await this.page.keyboard.type(` ${text}`);
    const send = where === 'channel' ? 'Post' : 'Send Message';
    await this.page.getByRole('button', { name: send, exact: true }).click();
  }

  /**
   * The search message extension from the compose box: the emulator reads no manifest, so the
   * command id and parameter name are typed into its panel, then the search text. Returns the
   * panel, with the results listed.
   */
  async searchFromCompose(commandId: string, parameter: string, text: string): Promise<Locator> {
    this.log.push(`[test] message extension ${commandId}: ${text}`);
    await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await this.page.getByRole('menuitem', { name: 'Search Command' }).click();
    const panel = this.page.locator('.fui-PopoverSurface');
    const options = panel.getByRole('button', { name: /Specify Command ID/ });
    if ((await options.getAttribute('aria-expanded')) !== 'true') await options.click();
    await panel.getByPlaceholder('Command ID').fill(commandId);
    await panel.getByPlaceholder('Parameter name').fill(parameter);
    await panel.getByPlaceholder('Enter a search term').fill(text);
    return panel;
  }

  /** Sends what the compose box holds (a typed text or an inserted card). */
  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /** Runs `action` and returns the new card it brings (the chat has one card more). */
  async newCard(action: () => Promise<void>, timeoutMs = 20_000): Promise<Locator> {
    const before = await this.cards().count();
    await action();
    const card = this.cards().nth(before);
    await card.waitFor({ timeout: timeoutMs });
    await this.settle(card);
    return card;
  }

  /** A Fluent combobox (Input.ChoiceSet, compact), found by its placeholder; picks an option. */
  async choose(card: Locator, placeholder: string, option: string | RegExp): Promise<void> {
    await card.locator(`input[placeholder="${placeholder}"]`).click();
    const name = typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}`) : option;
    await this.page.getByRole('option', { name }).click();
  }

  /** Input.Date: typing does not take; open the calendar, go to the month, press the day. */
  async pickDate(card: Locator, date: string): Promise<void> {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const month = ENGLISH_MONTHS[m - 1] as string;
    await card.locator('input[aria-label="Select a date..."]').click();
    const calendar = this.page.getByRole('dialog', { name: 'Calendar' });
    await calendar.waitFor();
    const day = calendar.locator(`button[aria-label="${d}, ${month}, ${y}"]`);
    for (let i = 0; i < 26 && !(await day.first().isVisible()); i++) {
      // The header button is named after the month shown ("November 2026"); days have commas.
      const header = calendar.locator('button[aria-label]:not([aria-label*=","])').first();
      const shown = (await header.getAttribute('aria-label')) ?? '';
      const [shownMonth, shownYear] = shown.split(' ');
      const shownIndex = Number(shownYear) * 12 + ENGLISH_MONTHS.indexOf(shownMonth ?? '');
      const forward = y * 12 + (m - 1) > shownIndex;
      await calendar.locator(`button[title^="${forward ? 'Next' : 'Previous'} month"]`).click();
    }
    await day.first().click();
    await calendar.waitFor({ state: 'hidden' });
  }

  /** What a card shows, as a person reads it (rendered text, not the DOM's raw text). */
  text(card: Locator): Promise<string> {
    return card.innerText();
  }

  /** Input.Text, found by its placeholder. */
  async fill(card: Locator, placeholder: string, text: string): Promise<void> {
    await card.locator(`[placeholder="${placeholder}"]`).fill(text);
  }

  /** Presses a card's button and waits until the card (replaced in place) shows `expect`. */
  async press(card: Locator, title: string, expect: string | RegExp): Promise<Locator> {
    this.log.push(`[test] pressing: ${title}`);
    await card.getByRole('button', { name: title, exact: true }).click();
    const answer = this.card(expect);
    await answer.waitFor({ timeout: 20_000 });
    await this.settle(answer);
    return answer;
  }

  /** Fonts loaded, the card in view and laid out: what a person would see. */
  async settle(card?: Locator): Promise<void> {
    await this.page.evaluate('document.fonts.ready.then(() => undefined)');
    await this.page.mouse.move(0, 0); // no button left looking hovered
    // The whole card in the middle of the chat, not just a sliver of it at the edge.
    if (card)
      await card.evaluate((element) =>
        (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({
          block: 'center',
        }),
      );
    await this.page.waitForTimeout(400);
  }

  /** A screenshot of the page as it is, under build/e2e-screenshots/<prefix>-<name>.png. */
  async screenshot(name: string, card?: Locator): Promise<string> {
    await this.settle(card);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
