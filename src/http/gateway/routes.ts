import { createHash } from 'node:crypto';
import type restify from 'restify';
import { explainViolation } from '../../bot/explain.js';
import type { RecordHandoffResult } from '../../store/gateway-intake.js';
import type { ServerDeps } from '../server.js';
import { HANDOFF_ID, parseHandoff } from './handoff-schema.js';
import {
  readSignatureHeaders,
  type SignatureProblem,
  verifySignature,
} from './verify-signature.js';

/** Largest handoff body accepted (a handoff with 50 workloads and full notes is under 20 KB). */
export const MAX_HANDOFF_BYTES = 256 * 1024;

const UNAUTHORIZED: Record<SignatureProblem, string> = {
  malformed:
    'X-Esd-Timestamp (Unix seconds) and X-Esd-Signature (sha256=<hex>) are required and must be well formed',
  stale: 'X-Esd-Timestamp is more than 5 minutes away from the server clock',
  mismatch: 'X-Esd-Signature does not match the request',
  replayed:
    'this signed request was already processed: to send it again, sign it again with a new X-Esd-Timestamp',
};

const EMPTY = Buffer.alloc(0);

type Body = { ok: true; bytes: Buffer } | { ok: false };

/**
 * The raw request bytes, exactly as signed, at most `limit` of them. An over-long body is not
 * kept: the caller answers 413 at once and the rest of the upload is drained and dropped.
 */
function readRawBody(req: restify.Request, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (done) return;
      done = true;
      resolve({ ok: true, bytes: Buffer.concat(chunks, size) });
    });
    req.once('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/**
 * POST /api/gateway/handoffs and GET /api/gateway/handoffs/{handoffId}, for the Gateway Team's
 * system (docs/api.md). Both are signed with a shared secret (verify-signature.ts).
 */
export function gatewayRoutes(server: restify.Server, deps: ServerDeps): void {
  const secrets = deps.config.gateway.webhookSecrets;
  const log = deps.logger;

  /** 503 when no secret is configured; 401 for headers that cannot be right. Null when fine. */
  function preflight(req: restify.Request, res: restify.Response) {
    if (secrets.length === 0) {
      res.send(503, {
        error: 'not_configured',
        message: 'GATEWAY_WEBHOOK_SECRET is not set: the Gateway webhook is disabled',
      });
      return null;
    }
    const headers = readSignatureHeaders(req.headers, deps.now());
    if (!headers.ok) {
      unauthorized(req, res, headers.problem);
      return null;
    }
    return headers.signed;
  }

  function unauthorized(req: restify.Request, res: restify.Response, problem: SignatureProblem) {
    // The reason, never the headers' values.
    log.warn({ method: req.method, url: req.url, problem }, 'gateway request refused');
    res.send(401, { error: 'unauthorized', message: UNAUTHORIZED[problem] });
  }

  function unavailable(res: restify.Response, error: unknown, what: string) {
    log.error({ err: (error as Error)?.message ?? String(error) }, `${what} failed`);
    res.send(503, { error: 'unavailable', retry: true });
  }

  server.post('/api/gateway/handoffs', async (req, res) => {
    const signed = preflight(req, res);
    if (!signed) {
      req.resume();
      return;
    }
    let body: Body;
    try {
      body = await readRawBody(req, MAX_HANDOFF_BYTES);
    } catch {
      res.send(400, {
        error: 'invalid_body',
        problems: [{ path: '(body)', message: 'unreadable' }],
      });
      return;
    }
    if (!body.ok) {
      res.header('Connection', 'close');
      res.send(413, {
        error: 'too_large',
        message: `the body may have at most ${MAX_HANDOFF_BYTES} bytes`,
      });
      return;
    }
    if (!verifySignature(secrets, signed, body.bytes)) {
      unauthorized(req, res, 'mismatch');
      return;
    }

    let json: unknown;
    try {
      json = JSON.parse(body.bytes.toString('utf8'));
    } catch (error) {
      res.send(400, {
        error: 'invalid_body',
        problems: [{ path: '(body)', message: `not JSON: ${(error as Error).message}` }],
      });
      return;
    }
    const parsed = parseHandoff(json);
    if (!parsed.ok) {
      res.send(400, { error: 'invalid_body', problems: parsed.problems });
      return;
    }

    let result: RecordHandoffResult;
    try {
      const signature = createHash('sha256').update(signed.signature).digest('hex');
      result = await deps.store.recordHandoff(parsed.handoff, parsed.bodyHash, signature);
    } catch (error) {
      unavailable(res, error, 'recording a gateway handoff');
      return;
    }
    const handoffId = parsed.handoff.handoffId;
    log.info({ handoffId, outcome: result.status }, 'gateway handoff');
    switch (result.status) {
      case 'replayed':
        unauthorized(req, res, 'replayed');
        return;
      case 'created':
        res.send(201, result.response);
        return;
      case 'replay':
        res.send(200, result.response);
        return;
      case 'conflict':
        res.send(409, {
          error: 'conflict',
          message: `handoff ${handoffId} was already received with a different body; nothing was changed`,
        });
        return;
      case 'rejected':
        res.send(422, {
          error: 'rule_violation',
          workloads: result.workloads.map(({ code, workload, violations }) => ({
            code,
            violations: violations.map((violation) => ({
              code: violation.code,
              field: violation.field,
              params: violation.params,
              message: explainViolation(violation, { workload, tenant: result.tenant }, 'en'),
            })),
          })),
        });
        return;
    }
  });

  server.get('/api/gateway/handoffs/:handoffId', async (req, res) => {
    const signed = preflight(req, res);
    if (!signed) return;
    // A GET carries no body: the signature is over "<timestamp>." alone.
    if (!verifySignature(secrets, signed, EMPTY)) {
      unauthorized(req, res, 'mismatch');
      return;
    }
    const handoffId = String(req.params?.handoffId ?? '');
    if (!HANDOFF_ID.test(handoffId)) {
      res.send(404, { error: 'not_found' });
      return;
    }
    try {
      const found = await deps.store.getHandoff(handoffId);
      if (!found) {
        res.send(404, { error: 'not_found' });
        return;
      }
      res.send(200, found);
    } catch (error) {
      unavailable(res, error, 'reading a gateway handoff');
    }
  });
}
