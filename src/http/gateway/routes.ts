import { createHash } from 'node:crypto';
import type restify from 'restify';
import { explainViolation } from '../../i18n/explain.js';
import type { RecordHandoffResult } from '../../store/index.js';
import type { ServerDeps } from '../deps.js';
import { bodyError, isJsonContentType, readJsonBytes } from '../json-body.js';
import { APP_ROLES, type ServiceAuth, type ServiceAuthResult } from '../service-auth.js';
import {
  readSignatureHeaders,
  received,
  SIGNATURE_PROBLEMS,
  type SignatureProblem,
  verifySignature,
} from '../signature.js';
import { HANDOFF_ID, parseHandoff } from './handoff-schema.js';

/** Largest handoff body accepted (a handoff with 50 workloads and full notes is under 20 KB). */
export const MAX_HANDOFF_BYTES = 256 * 1024;

/**
 * POST /api/gateway/handoffs and GET /api/gateway/handoffs/{handoffId}, for the Gateway Team's
 * system (docs/api.md). Both are signed with a shared secret (../signature.ts), or carry an Entra
 * ID token with the app role Handoffs.Write (../service-auth.ts, issue 17).
 */
export function gatewayRoutes(server: restify.Server, deps: ServerDeps, auth: ServiceAuth): void {
  const secrets = deps.config.gateway.webhookSecrets;
  const log = deps.logger;

  function refuse(req: restify.Request, res: restify.Response, refused: ServiceAuthResult) {
    if (refused.ok) return;
    log.warn(
      { method: req.method, url: req.url, problem: refused.body.message },
      'gateway request refused',
    );
    res.send(refused.status, refused.body);
  }

  /** 503 when nothing is configured; 401 for headers that cannot be right. Null when fine. */
  function preflight(req: restify.Request, res: restify.Response) {
    if (!auth.enabled) {
      res.send(503, {
        error: 'not_configured',
        message:
          'GATEWAY_WEBHOOK_SECRET is not set (nor ENTRA_API_AUDIENCE): the Gateway webhook is disabled',
      });
      return null;
    }
    if (secrets.length === 0) {
      refuse(req, res, {
        ok: false,
        status: 401,
        body: {
          error: 'unauthorized',
          message: 'an Entra ID bearer token is required (Authorization: Bearer)',
        },
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
    res.send(401, { error: 'unauthorized', message: SIGNATURE_PROBLEMS[problem] });
  }

  function unavailable(res: restify.Response, error: unknown, what: string) {
    log.error({ err: (error as Error)?.message ?? String(error) }, `${what} failed`);
    res.send(503, { error: 'unavailable', retry: true });
  }

  server.post('/api/gateway/handoffs', async (req, res) => {
    // Only JSON is read, in memory: anything else is refused before a byte is (issue 13, item 1).
    if (auth.enabled && !isJsonContentType(req.headers)) {
      req.resume();
      res.send(415, bodyError(415, MAX_HANDOFF_BYTES));
      return;
    }
    // An Entra ID token is judged before the body is read; a signature after (it covers the body).
    const bearer = await auth.checkBearer(req, APP_ROLES.handoffsWrite);
    if (bearer && !bearer.ok) {
      req.resume();
      refuse(req, res, bearer);
      return;
    }
    const signed = bearer ? null : preflight(req, res);
    if (!bearer && !signed) {
      req.resume();
      return;
    }
    const body = await readJsonBytes(req, MAX_HANDOFF_BYTES);
    if (!body.ok) {
      if (body.status === 413) res.header('Connection', 'close');
      res.send(
        body.status,
        body.status === 400
          ? { error: 'invalid_body', problems: [{ path: '(body)', message: 'unreadable' }] }
          : bodyError(body.status, MAX_HANDOFF_BYTES),
      );
      return;
    }
    // The request-bound scheme, or the first one ("<timestamp>.<body>"): the body names the handoff.
    if (
      signed &&
      !verifySignature(secrets, signed, received(req, body.bytes), { bodyOnly: true })
    ) {
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
      // What identifies this very request for a retry's sake: its signature, or its token and body.
      const signature = createHash('sha256')
        .update(
          signed
            ? signed.signature
            : `bearer:${bearer?.ok && bearer.caller.scheme === 'bearer' ? bearer.caller.token : ''}:${parsed.bodyHash}`,
        )
        .digest('hex');
      result = await deps.store.recordHandoff(parsed.handoff, parsed.bodyHash, signature);
    } catch (error) {
      unavailable(res, error, 'recording a gateway handoff');
      return;
    }
    const handoffId = parsed.handoff.handoffId;
    log.info({ handoffId, outcome: result.status }, 'gateway handoff');
    switch (result.status) {
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
    // The signature covers the method and the path: it reads this handoff and no other.
    const authorized = await auth.check(
      req,
      received(req),
      APP_ROLES.handoffsWrite,
      'the Gateway webhook',
    );
    if (!authorized.ok) {
      refuse(req, res, authorized);
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
