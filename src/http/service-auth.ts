import type { IncomingMessage } from 'node:http';
import type { Config } from '../config/config.js';
import { SsoValidator } from './planner/sso.js';
import {
  checkSignedRequest,
  type RequestToSign,
  SIGNATURE_PROBLEMS,
  type SignedHeaders,
} from './signature.js';

/**
 * Who may call the Gateway, reports and events APIs (issue 17). Two schemes, side by side:
 * - the HMAC signature with the shared secret(s) (./signature.ts), which grants every API as
 *   before;
 * - an Entra ID bearer token (client credentials or a managed identity): RS256 signed by a key of
 *   Entra's JWKS (cached, re-read hourly or on an unknown key id), issued for an allowed tenant,
 *   for esd-bot's application ID URI, not expired; its app roles decide which API it may call.
 * A request with `Authorization: Bearer` is judged by its token alone.
 */
export const APP_ROLES = {
  handoffsWrite: 'Handoffs.Write',
  reportsRead: 'Reports.Read',
  eventsRead: 'Events.Read',
} as const;

export type AppRole = (typeof APP_ROLES)[keyof typeof APP_ROLES];

export type ServiceCaller =
  | { scheme: 'signature'; signed: SignedHeaders }
  | { scheme: 'bearer'; appId: string | null; tenantId: string | null; token: string };

export type ServiceAuthResult =
  | { ok: true; caller: ServiceCaller }
  | { ok: false; status: 401 | 403 | 503; body: { error: string; message: string } };

/** The bearer token of an Authorization header, or null when it names another scheme. */
export function bearerOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

export class ServiceAuth {
  private readonly validator: SsoValidator | null;

  constructor(
    private readonly config: Pick<Config, 'gateway' | 'serviceAuth'>,
    private readonly now: () => Date,
  ) {
    const { audiences, tenantIds, openIdMetadataUrl } = config.serviceAuth;
    this.validator =
      audiences.length > 0 && tenantIds.length > 0
        ? new SsoValidator({
            metadataUrl: openIdMetadataUrl,
            audiences,
            allowedTenantIds: tenantIds,
          })
        : null;
  }

  get secrets(): readonly string[] {
    return this.config.gateway.webhookSecrets;
  }

  /** Either scheme is configured: the API answers (else 503). */
  get enabled(): boolean {
    return this.secrets.length > 0 || this.validator !== null;
  }

  get bearerEnabled(): boolean {
    return this.validator !== null;
  }

  /**
   * Checks a bearer token for `role`, if the request has one: null when it has none (the caller
   * then checks the signature, as the POST of a handoff must after reading its body).
   */
  async checkBearer(
    req: Pick<IncomingMessage, 'headers'>,
    role: AppRole,
  ): Promise<ServiceAuthResult | null> {
    const header = req.headers.authorization;
    const token = bearerOf(header);
    if (!token) return null;
    if (!this.validator)
      return unauthorized('bearer tokens are not accepted here (ENTRA_API_AUDIENCE is not set)');
    const result = await this.validator.validate(header);
    if (!result.ok) return unauthorized(`bearer token refused: ${result.problem}`);
    if (!result.identity.roles.includes(role))
      return {
        ok: false,
        status: 403,
        body: {
          error: 'forbidden',
          message: `the token does not carry the app role ${role}`,
        },
      };
    return {
      ok: true,
      caller: {
        scheme: 'bearer',
        appId: result.identity.appId,
        tenantId: result.identity.tenantId,
        token,
      },
    };
  }

  /** A request without a body (GET): a bearer token with `role`, or a valid signature. */
  async check(
    req: Pick<IncomingMessage, 'headers'>,
    request: RequestToSign,
    role: AppRole,
    what: string,
  ): Promise<ServiceAuthResult> {
    if (!this.enabled)
      return {
        ok: false,
        status: 503,
        body: {
          error: 'not_configured',
          message: `GATEWAY_WEBHOOK_SECRET is not set (nor ENTRA_API_AUDIENCE): ${what} is disabled`,
        },
      };
    const bearer = await this.checkBearer(req, role);
    if (bearer) return bearer;
    if (this.secrets.length === 0)
      return unauthorized('an Entra ID bearer token is required (Authorization: Bearer)');
    const check = checkSignedRequest(this.secrets, req.headers, request, this.now());
    if (!check.ok) return unauthorized(SIGNATURE_PROBLEMS[check.problem]);
    return { ok: true, caller: { scheme: 'signature', signed: check.signed } };
  }
}

function unauthorized(message: string): ServiceAuthResult {
  return { ok: false, status: 401, body: { error: 'unauthorized', message } };
}
