import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  /** When the connector received it (ms since the epoch). */
  receivedAt: number;
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity id this one replies to (POST) or replaces (PUT). */
  targetId: string | null;
  id: string;
  activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

export interface Member {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName: string;
}

export type Fault =
  | { status: number; retryAfterSeconds?: number; times?: number }
  | { hang: true; times?: number };

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: records what the bot sends, answers
 * roster lookups, and can be told to fail. The only mock in the suites (the Teams boundary).
 */
export class FakeConnector {
  readonly sent: Sent[] = [];
  readonly members = new Map<string, Member>();
  memberLookups = 0;
  /** Roster pages read (pagedmembers). */
  rosterReads = 0;
  private server: Server | null = null;
  private faults: Fault[] = [];
  private hanging: ServerResponse[] = [];
  url = '';
  /** Delay before answering a send, to keep a turn in flight. */
  delayMs = 0;
  /** Sends (activities) that reached the connector, counted on arrival, before any delay or hold. */
  arrived = 0;
  private held: Promise<void> | null = null;
  /** Decides a fault for each send (after any queued by failNext): chaos for load tests. */
  chaos: ((conversationId: string) => Fault | null) | null = null;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addMember(member: Member): void {
    this.members.set(member.id, member);
  }

  /**
   * Holds the answer to every send until the returned function is called: a turn stays in flight
   * for as long as the test needs, however slow the machine.
   */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise<void>((resolve) => {
      release = () => {
        this.held = null;
        resolve();
      };
    });
    return release;
  }

  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Cards the bot sent or put in place, newest last. */
  cards(): Record<string, unknown>[] {
    return this.sent.flatMap((s) =>
      (s.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    );
  }

  texts(): string[] {
    return this.sent.map((s) => s.activity.text).filter((t): t is string => typeof t === 'string');
  }

  clear(): void {
    this.sent.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };

    // v3/conversations/{id}/members/{userId}
    if (
      req.method === 'GET' &&
      parts[0] === 'v3' &&
      parts[1] === 'conversations' &&
      parts[3] === 'members'
    ) {
      this.memberLookups++;
      const member = this.members.get(parts[4] ?? '');
      return member ? reply(200, member) : reply(404, { error: { code: 'MemberNotFound' } });
    }

    // v3/conversations/{id}/pagedmembers: the roster (every member added, in one page)
    if (
      req.method === 'GET' &&
      parts[0] === 'v3' &&
      parts[1] === 'conversations' &&
      parts[3] === 'pagedmembers'
    ) {
      this.rosterReads++;
      return reply(200, { members: [...this.members.values()] });
    }

    const queued = this.faults[0];
    if (queued) {
      if (queued.times === undefined || queued.times <= 1) this.faults.shift();
      else queued.times--;
    }
    const fault = queued ?? (parts[3] === 'activities' ? this.chaos?.(parts[2] ?? '') : null);
    if (fault) {
      if ('hang' in fault) {
        this.hanging.push(res);
        return;
      }
      return reply(
        fault.status,
        { error: { code: 'Fault', message: `injected ${fault.status}` } },
        fault.retryAfterSeconds !== undefined
          ? { 'retry-after': String(fault.retryAfterSeconds) }
          : {},
      );
    }

    if (
      parts[0] === 'v3' &&
      parts[1] === 'conversations' &&
      parts.length === 2 &&
      req.method === 'POST'
    ) {
      return reply(201, { id: `conv-${randomUUID()}` });
    }
    if (parts[3] === 'activities') {
      this.arrived++;
      if (this.held) await this.held;
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const conversationId = parts[2] ?? '';
      const targetId = parts[4] ?? null;
      const id = req.method === 'PUT' && targetId ? targetId : `activity-${this.sent.length + 1}`;
      this.sent.push({
        method: req.method as 'POST' | 'PUT',
        conversationId,
        targetId,
        id,
        activity: body,
        receivedAt: Date.now(),
      });
      return reply(200, { id });
    }
    return reply(404, { error: { code: 'NotFound', message: url.pathname } });
  }
}
