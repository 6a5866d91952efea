import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  CURRENT_USER,
  emulatorCommand,
  emulatorEnv,
  freePort,
  LISTENING,
  PERSONAL_CHAT_ID,
  playgroundConfigYaml,
} from '../../../scripts/playground.js';
import { LogBuffer, spawnGroup, stopGroup, waitFor } from './processes.js';

/** A message the bot put in the chat, as the emulator's page receives it. */
export interface ChatMessage {
  action: 'createMessage' | 'updateMessage' | string;
  messageId: string;
  fromBot: boolean;
  text: string;
  cards: Record<string, unknown>[];
  /** The titles of the message's suggested actions (imBack buttons above the compose box). */
  suggestions: string[];
}

/**
 * What the emulator's page sees, read from the same WebSocket stream the page uses: every
 * message created or updated in the personal chat from the moment it is opened.
 */
export class Transcript {
  readonly messages: ChatMessage[] = [];

  private constructor(private readonly socket: WebSocket) {}

  static async open(port: number, conversationId: string): Promise<Transcript> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    const transcript = new Transcript(socket);
    socket.on('message', (data) => {
      try {
        const event = JSON.parse(String(data)) as {
          action?: string;
          actionConversationId?: string;
          message?: {
            messageId?: string;
            from?: { id?: string };
            text?: string;
            attachments?: { contentType?: string; content?: Record<string, unknown> }[];
            suggestedActions?: { actions?: { title?: string }[] };
          };
        };
        if (!event.message || event.actionConversationId !== conversationId) return;
        transcript.messages.push({
          action: event.action ?? '',
          messageId: String(event.message.messageId ?? ''),
          fromBot: event.message.from?.id !== CURRENT_USER.id,
          text: event.message.text ?? '',
          cards: (event.message.attachments ?? [])
            .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
            .map((a) => a.content ?? {}),
          suggestions: (event.message.suggestedActions?.actions ?? []).map((a) => a.title ?? ''),
        });
      } catch {
        // not a conversation event
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    // The stream first replays the conversation so far; only what comes after counts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    transcript.messages.length = 0;
    return transcript;
  }

  /** The first bot message (from now on, or from message `from` on) that `match` accepts. */
  async next(
    what: string,
    match: (message: ChatMessage) => boolean,
    timeoutMs = 15_000,
    from = this.messages.length,
  ): Promise<ChatMessage> {
    const seen = from;
    return waitFor(
      what,
      () => this.messages.slice(seen).find((m) => m.fromBot && match(m)),
      timeoutMs,
      50,
    ).catch((error: Error) => {
      const got = this.messages
        .slice(seen)
        .map((m) => `${m.action}: ${m.text || JSON.stringify(m.cards).slice(0, 300)}`);
      throw new Error(`${error.message}; the chat got: ${JSON.stringify(got)}`);
    });
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Every text in a card (TextBlocks, facts, titles, choices), for "the card says X" checks. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value', 'label'].includes(key))
          out.push(value);
        else if (typeof value === 'object') walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/**
 * Microsoft 365 Agents Playground as a child process: its own configuration (the demo FM as the
 * current user, a fixed personal chat), its own port, its own working directory, and the person's
 * time zone (TZ) and language (LANG) in its environment.
 */
export class Emulator {
  readonly conversationId = PERSONAL_CHAT_ID;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly log: LogBuffer,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(options: {
    /** The bot's base URL (its /api/messages is where activities go). */
    botUrl: string;
    lang: string;
    timeZone: string;
    dir: string;
  }): Promise<Emulator> {
    const configPath = join(options.dir, 'm365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml());
    const asked = await freePort();
    const log = new LogBuffer('emulator');
    let listening: number | null = null;
    const { command, args } = emulatorCommand({ botUrl: options.botUrl, port: asked });
    const child = spawnGroup(command, args, {
      cwd: options.dir,
      env: emulatorEnv(process.env, { configPath, lang: options.lang, tz: options.timeZone }),
      log,
      onLine: (line) => {
        const match = LISTENING.exec(line);
        if (match) listening = Number(match[1]);
      },
    });
    const emulator = new Emulator(child, asked, log);
    try {
      const port = await waitFor(
        'the emulator to print "Listening on <port>"',
        () => {
          if (child.exitCode !== null) throw new Error('the emulator exited');
          return listening;
        },
        30_000,
      );
      // It says "Listening" before it has read its configuration; a bad one makes it exit then.
      await waitFor(
        'the emulator to answer with its configuration',
        async () => {
          if (child.exitCode !== null) throw new Error('the emulator exited');
          const response = await fetch(`http://127.0.0.1:${port}/_internal/v1/config`);
          return response.ok;
        },
        30_000,
      );
      return Object.assign(emulator, { port });
    } catch (error) {
      await stopGroup(child);
      throw new Error(`${(error as Error).message}\n${log.tail()}`);
    }
  }

  /** A message typed by the current user, posted the way the page posts it. */
  async say(text: string): Promise<void> {
    const response = await fetch(
      `${this.url}/_conversation/v1/conversations/${encodeURIComponent(this.conversationId)}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: CURRENT_USER.id }, text, textFormat: 'plain' }),
      },
    );
    if (!response.ok) throw new Error(`emulator: message failed with ${response.status}`);
  }

  /** A mock event from the emulator's "Mock an Activity" menu (install, uninstall, ...). */
  async mockActivity(type: 'install' | 'uninstall'): Promise<void> {
    const query = new URLSearchParams({ conversationId: this.conversationId, type });
    const template = await fetch(`${this.url}/_internal/v1/customActivities/template?${query}`);
    if (!template.ok) throw new Error(`emulator: no ${type} template (${template.status})`);
    const response = await fetch(`${this.url}/_internal/v1/customActivities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await template.text(),
    });
    if (!response.ok) throw new Error(`emulator: ${type} failed with ${response.status}`);
  }

  transcript(): Promise<Transcript> {
    return Transcript.open(this.port, this.conversationId);
  }

  stop(): Promise<void> {
    return stopGroup(this.child);
  }
}
