import { Writable } from 'node:stream';
import { type App, startApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/log/logger.js';
import { LogBuffer, waitFor } from './processes.js';

/** The Gateway webhook's shared secret in these tests (at least 32 characters). */
export const GATEWAY_SECRET = 'e2e-gateway-secret-0123456789abcdef0123456789';

/**
 * esd-bot itself, started with `startApp` in the test process on a SQLite file of the test's own,
 * in local mode (the emulator sends no tokens), with the demo data. Restarting closes the app and
 * starts a new one on the same file and port, as a redeploy would.
 *
 * The minute sweep is off: reminders go out only when the test runs `npm run reminders --
 * --as-of`, so what is due depends on the instant the test chooses, not on the wall clock.
 */
export class BotUnderTest {
  readonly log = new LogBuffer('esd-bot');
  private app: App | null = null;
  private port = 0;

  private constructor(readonly sqlitePath: string) {}

  static async start(sqlitePath: string): Promise<BotUnderTest> {
    const bot = new BotUnderTest(sqlitePath);
    await bot.open();
    return bot;
  }

  /** The environment the bot and the reminders CLI share. */
  get env(): Record<string, string> {
    return {
      SQLITE_PATH: this.sqlitePath,
      DATABASE_URL: '',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'true',
      GATEWAY_WEBHOOK_SECRET: GATEWAY_SECRET,
    };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get store(): App['store'] {
    if (!this.app) throw new Error('the bot is not running');
    return this.app.store;
  }

  private async open(): Promise<void> {
    const lines = this.log;
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        for (const line of String(chunk).split('\n')) if (line) lines.push(line);
        callback();
      },
    });
    const config = parseConfig({ ...this.env, PORT: String(this.port) });
    // The port of a closed server can linger for a moment: retry briefly on EADDRINUSE.
    this.app = await waitFor(
      `esd-bot to listen on port ${this.port || '(any)'}`,
      () => startApp(config, createLogger('info', destination), { background: false }),
      15_000,
      250,
    );
    this.port = this.app.port;
    this.log.push(`[test] esd-bot started on ${this.url}`);
  }

  /** One pass of the outbox dispatcher, as the server's loop would make (the loop is off here). */
  async dispatch(): Promise<void> {
    if (!this.app) throw new Error('the bot is not running');
    await this.app.delivery.dispatcher.runOnce(new Date());
  }

  async restart(): Promise<void> {
    this.log.push('[test] restarting esd-bot');
    await this.close();
    await this.open();
  }

  async close(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }
}
