import {
  SIGNATURE_HEADER,
  signGatewayBody,
  signRequest,
  TIMESTAMP_HEADER,
} from '../../src/http/signature.js';

/**
 * The X-Esd-* headers of a signed request, made with the production signing function (docs/api.md,
 * "Signing requests"), so that every test signs the way callers are told to.
 */
export interface Signing {
  secret: string;
  /** Unix seconds. */
  timestamp: number | string;
  method?: string;
  /** The request target: path and query, as sent. */
  url: string;
  body?: string | Buffer;
}

/** Headers for the request-bound scheme: method, path, query and body. */
export function signedHeaders(signing: Signing): Record<string, string> {
  const { secret, timestamp, method = 'GET', url, body } = signing;
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signRequest(secret, timestamp, { method, url, body }),
  };
}

/** Headers for the first scheme, "<timestamp>.<body>", still accepted on the handoff POST. */
export function bodySignedHeaders(
  secret: string,
  timestamp: number | string,
  body: string | Buffer,
): Record<string, string> {
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signGatewayBody(secret, timestamp, body),
  };
}
