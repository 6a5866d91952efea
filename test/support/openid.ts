import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * A local stand-in for the Bot Framework's token issuer: OpenID metadata and a JWKS on
 * 127.0.0.1, and RS256 tokens signed with its key (or, for negative tests, with another one).
 * Given Entra ID's v2 issuer template (`https://login.microsoftonline.com/{tenantid}/v2.0`), it
 * stands in for Entra ID: a token's `iss` is the template with the token's `tid` filled in.
 */
export class LocalIssuer {
  constructor(readonly issuer = 'https://api.botframework.com') {}

  readonly kid = 'esd-test-key';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  private server: Server | null = null;
  metadataUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server?.address() as AddressInfo | null)?.port ?? 0}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(
          JSON.stringify({
            issuer: this.issuer,
            jwks_uri: `${base}/v1/.well-known/keys`,
          }),
        );
      } else if (req.url === '/v1/.well-known/keys') {
        const jwk = this.key.publicKey.export({ format: 'jwk' });
        res.end(
          JSON.stringify({
            keys: [{ ...jwk, kid: this.kid, use: 'sig', endorsements: ['msteams'] }],
          }),
        );
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.metadataUrl = `http://127.0.0.1:${(this.server?.address() as AddressInfo | null)?.port ?? 0}/v1/.well-known/openidconfiguration`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A token as the Bot Connector sends it; `claims` and `signWith` bend it for negative tests. */
  token(claims: Record<string, unknown>, signWith: KeyObject = this.key.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }));
    const payload = b64url(
      JSON.stringify({
        iss: this.issuer.replace('{tenantid}', String(claims.tid ?? '{tenantid}')),
        nbf: now - 60,
        exp: now + 3600,
        ...claims,
      }),
    );
    const signer = createSign('RSA-SHA256');
    signer.update(`${header}.${payload}`);
    return `${header}.${payload}.${b64url(signer.sign(signWith))}`;
  }
}
