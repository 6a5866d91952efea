/**
 * A Bot Connector on 127.0.0.1 that throttles like Teams does, scaled up: a global token bucket
 * (GLOBAL_RPS per second, BURST tokens at most) and one message per conversation every
 * CONVERSATION_INTERVAL_MS; beyond either it answers 429 with Retry-After (whole seconds, as HTTP
 * has it). It records every message it accepts, by the reminder it carries (workload and date),
 * so lost and duplicated messages can be counted. Run as its own process; prints
 * {"ready": "<url>"}. GET /stats returns what it saw; POST /reset forgets it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const RATE = Number(process.env.GLOBAL_RPS ?? 500);
const BURST = Number(process.env.BURST ?? Math.max(1, RATE / 10));
const INTERVAL = Number(process.env.CONVERSATION_INTERVAL_MS ?? 40);

let tokens = BURST;
let refilledAt = performance.now();
let lastByConversation = new Map<string, number>();
let accepted = new Map<string, number>();
let stats = {
  accepted: 0,
  throttledGlobal: 0,
  throttledConversation: 0,
  other: 0,
  firstAt: 0,
  lastAt: 0,
};

function reset() {
  tokens = BURST;
  refilledAt = performance.now();
  lastByConversation = new Map();
  accepted = new Map();
  stats = {
    accepted: 0,
    throttledGlobal: 0,
    throttledConversation: 0,
    other: 0,
    firstAt: 0,
    lastAt: 0,
  };
}

/** The reminder a message carries: its card's first action data (workload id and date). */
function keyOf(body: string): string {
  // A reminder's buttons carry only its token (migration 004); the bench maps tokens to workloads.
  const token = /"reminder":"([^"]+)"/.exec(body)?.[1];
  if (token) return `token:${token}`;
  const workload = /"workloadId":"([^"]+)"/.exec(body)?.[1];
  const date = /"date":"(\d{4}-\d{2}-\d{2})"/.exec(body)?.[1];
  return `${workload ?? '?'}|${date ?? '?'}`;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/stats') {
      json(200, { ...stats, keys: Object.fromEntries(accepted) });
      return;
    }
    if (req.method === 'POST' && path === '/reset') {
      reset();
      json(200, {});
      return;
    }
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const conversation = parts[2] ?? '';
      const now = performance.now();
      const last = lastByConversation.get(conversation);
      if (last !== undefined && now - last < INTERVAL) {
        stats.throttledConversation++;
        const wait = Math.max(1, Math.ceil((INTERVAL - (now - last)) / 1000));
        json(
          429,
          { error: { code: 'Throttled', message: 'conversation limit' } },
          { 'retry-after': String(wait) },
        );
        return;
      }
      tokens = Math.min(BURST, tokens + ((now - refilledAt) * RATE) / 1000);
      refilledAt = now;
      if (tokens < 1) {
        stats.throttledGlobal++;
        const wait = Math.max(1, Math.ceil((((1 - tokens) / RATE) * 1000) / 1000));
        json(
          429,
          { error: { code: 'Throttled', message: 'bot limit' } },
          { 'retry-after': String(wait) },
        );
        return;
      }
      tokens -= 1;
      lastByConversation.set(conversation, now);
      const key = keyOf(Buffer.concat(chunks).toString('utf8'));
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      stats.accepted++;
      const at = Date.now();
      if (!stats.firstAt) stats.firstAt = at;
      stats.lastAt = at;
      json(200, { id: `activity-${stats.accepted}` });
      return;
    }
    stats.other++;
    json(404, { error: { code: 'NotFound', message: path } });
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: `http://127.0.0.1:${port}/` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
