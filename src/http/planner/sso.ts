import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

/**
 * Teams SSO for the planner tab: the page asks the Teams JS client for a token (getAuthToken)
 * and sends it as a bearer token; here it is checked against Entra ID's OpenID metadata before
 * any data is returned. RS256 only, signed by a key of the metadata's JWKS, issued by the
 * metadata's issuer (its {tenantid} filled from the token's `tid`), for one of the configured
 * audiences, `exp` present and not passed (a token without `exp` would never expire).
 */

export interface SsoIdentity {
  /** Entra ID object id (`oid`), lower-cased. */
  aadObjectId: string | null;
  /** `upn`, else `preferred_username`, lower-cased. */
  upn: string | null;
  name: string;
  tenantId: string | null;
  /** App roles (`roles`): what a service caller may do (src/http/service-auth.ts). */
  roles: readonly string[];
  /** The calling application (`azp` in v2 tokens, `appid` in v1). */
  appId: string | null;
}

export type SsoResult = { ok: true; identity: SsoIdentity } | { ok: false; problem: string };

export interface SsoOptions {
  metadataUrl: string;
  audiences: readonly string[];
  /** Tenants allowed to use the bot (ALLOWED_TENANT_IDS); empty: any. */
  allowedTenantIds: readonly string[];
  /** The real clock: token lifetimes are wall-clock time, whatever "today" the app is told. */
  clock?: () => number;
}

/** Tolerated clock difference between Entra ID and this server. */
const SKEW_SECONDS = 300;
/** Keys and issuer are re-read at most this often, or when a token names an unknown key. */
const METADATA_TTL_MS = 60 * 60 * 1000;
const REFRESH_MIN_INTERVAL_MS = 60 * 1000;

interface Metadata {
  issuer: string;
  keys: Map<string, KeyObject>;
  readAt: number;
}

const decode = (part: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

export class SsoValidator {
  private metadata: Metadata | null = null;
  private loading: Promise<Metadata> | null = null;

  constructor(private readonly options: SsoOptions) {}

  private now(): number {
    return this.options.clock ? this.options.clock() : Date.now();
  }

  private async load(): Promise<Metadata> {
    const get = async (url: string) => {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const config = await get(this.options.metadataUrl);
    const issuer = text(config.issuer);
    const jwksUri = text(config.jwks_uri);
    if (!issuer || !jwksUri) throw new Error('OpenID metadata without issuer or jwks_uri');
    const jwks = await get(jwksUri);
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(jwks.keys) ? jwks.keys : []) {
      if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'RSA' || typeof jwk.kid !== 'string')
        continue;
      try {
        keys.set(
          jwk.kid,
          createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }),
        );
      } catch {
        // A key this runtime cannot read cannot have signed a token we accept.
      }
    }
    return { issuer, keys, readAt: this.now() };
  }

  private async metadataFor(kid: string): Promise<Metadata> {
    const current = this.metadata;
    const stale = !current || this.now() - current.readAt > METADATA_TTL_MS;
    const unknownKey =
      current && !current.keys.has(kid) && this.now() - current.readAt > REFRESH_MIN_INTERVAL_MS;
    if (stale || unknownKey) {
      this.loading ??= this.load().finally(() => {
        this.loading = null;
      });
      this.metadata = await this.loading;
    }
    return this.metadata as Metadata;
  }

  async validate(authorization: string | undefined): Promise<SsoResult> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!token) return { ok: false, problem: 'no bearer token' };
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, problem: 'not a JWT' };
    const [head = '', body = '', signature = ''] = parts;
    const header = decode(head);
    const claims = decode(body);
    if (!header || !claims) return { ok: false, problem: 'not a JWT' };
    if (header.alg !== 'RS256') return { ok: false, problem: 'algorithm not RS256' };
    const kid = text(header.kid);
    if (!kid) return { ok: false, problem: 'no key id' };

    let metadata: Metadata;
    try {
      metadata = await this.metadataFor(kid);
    } catch (error) {
      return { ok: false, problem: `OpenID metadata unavailable: ${(error as Error).message}` };
    }
    const key = metadata.keys.get(kid);
    if (!key) return { ok: false, problem: 'unknown signing key' };
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${head}.${body}`),
      key,
      Buffer.from(signature, 'base64url'),
    );
    if (!signed) return { ok: false, problem: 'bad signature' };

    const nowSeconds = this.now() / 1000;
    if (typeof claims.exp !== 'number') return { ok: false, problem: 'no exp' };
    if (claims.exp + SKEW_SECONDS < nowSeconds) return { ok: false, problem: 'expired' };
    if (typeof claims.nbf === 'number' && claims.nbf - SKEW_SECONDS > nowSeconds)
      return { ok: false, problem: 'not yet valid' };

    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.some((aud) => typeof aud === 'string' && this.options.audiences.includes(aud)))
      return { ok: false, problem: 'wrong audience' };

    const tenantId = text(claims.tid)?.toLowerCase() ?? null;
    const issuer = metadata.issuer.replace('{tenantid}', tenantId ?? '{tenantid}');
    if (claims.iss !== issuer) return { ok: false, problem: 'wrong issuer' };
    const allowed = this.options.allowedTenantIds.map((id) => id.toLowerCase());
    if (allowed.length > 0 && (!tenantId || !allowed.includes(tenantId)))
      return { ok: false, problem: 'tenant not allowed' };

    return {
      ok: true,
      identity: {
        aadObjectId: text(claims.oid)?.toLowerCase() ?? null,
        upn: (text(claims.upn) ?? text(claims.preferred_username))?.toLowerCase() ?? null,
        name: text(claims.name) ?? text(claims.upn) ?? text(claims.preferred_username) ?? '',
        tenantId,
        roles: Array.isArray(claims.roles)
          ? claims.roles.filter((r): r is string => typeof r === 'string')
          : [],
        appId: text(claims.azp) ?? text(claims.appid),
      },
    };
  }
}
