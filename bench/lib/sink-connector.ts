/**
 * A minimal Bot Connector on 127.0.0.1 for throughput runs: answers every send at once and keeps
 * only counts (the test suite's FakeConnector keeps every activity, which would grow without end
 * under load). Run as its own process: `node --import tsx bench/lib/sink-connector.ts`; prints
 * {"ready": "<url>"}. GET /stats returns and resets the counts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const counts = { activities: 0, cards: 0, texts: 0, updates: 0, members: 0, other: 0 };
let lastCard = '';
let next = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const parts = path.split('/').filter(Boolean);
    const json = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (req.method === 'GET' && path === '/stats') {
      json(200, { ...counts, lastCard });
      return;
    }
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members') {
      counts.members++;
      const id = parts[4] ?? '';
      json(200, { id, name: id, aadObjectId: id, userPrincipalName: `${id}@example.com` });
      return;
    }
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'PUT') counts.updates++;
      counts.activities++;
      if (body.includes('application/vnd.microsoft.card.adaptive')) {
        counts.cards++;
        lastCard = body;
      } else counts.texts++;
      json(200, { id: `activity-${++next}` });
      return;
    }
    if (parts[0] === 'v3' && parts[1] === 'conversations' && req.method === 'POST') {
      json(201, { id: `conv-${++next}` });
      return;
    }
    counts.other++;
    json(404, { error: { code: 'NotFound', message: path } });
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: `http://127.0.0.1:${port}/` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
