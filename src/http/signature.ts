import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Request signing for the Gateway webhook and the reports API: the one place where a signed
 * request is checked (docs/api.md, "Signing requests"). The caller sends
 *   X-Esd-Timestamp: <Unix seconds>
 *   X-Esd-Signature: sha256=<hex HMAC-SHA256 of the signed text with the shared secret>
 * and the signed text is
 *   "<timestamp>\n<METHOD>\n<canonical path>\n<canonical query>\n<raw body>"
 * so that a captured signature is good for this method, resource, query and body only, and for
 * five minutes (issue 13, item 7). POST /api/gateway/handoffs also accepts the first scheme,
 * "<timestamp>.<raw body>": its body names the handoff and no other route takes a body, so that
 * signature cannot be used elsewhere. The two texts cannot be confused ("." versus "\n" after the
 * digits).
 *
 * Nothing here logs or returns a signature or a secret.
 */

export const TIMESTAMP_HEADER = 'x-esd-timestamp';
export const SIGNATURE_HEADER = 'x-esd-signature';
/** How far a request's timestamp may be from our clock, in the past or the future. */
export const TOLERANCE_SECONDS = 5 * 60;

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

export type SignatureProblem =
  /** A header is absent, repeated or not of the documented form. */
  | 'malformed'
  /** The timestamp is more than TOLERANCE_SECONDS away from now. */
  | 'stale'
  /** No configured secret produces this signature for this request. */
  | 'mismatch';

/** Why a request was refused, as the 401 body says it (never the headers' values). */
export const SIGNATURE_PROBLEMS: Record<SignatureProblem, string> = {
  malformed:
    'X-Esd-Timestamp (Unix seconds) and X-Esd-Signature (sha256=<hex>) are required and must be well formed',
  stale: 'X-Esd-Timestamp is more than 5 minutes away from the server clock',
  mismatch:
    'X-Esd-Signature does not match the request (method, path, query and body: see docs/api.md)',
};

/** Decodes a URL component ("+" is a space in a query); null when it is not valid UTF-8 escapes. */
function decode(text: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

/**
 * The path with each segment decoded and encoded again with encodeURIComponent, so that two
 * spellings of the same path (%3A or :) sign the same. Null when it cannot be decoded.
 */
export function canonicalPath(path: string): string | null {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    const decoded = decode(segment, false);
    if (decoded === null) return null;
    segments.push(encodeURIComponent(decoded));
  }
  return segments.join('/');
}

/**
 * The query as "name=value" pairs, each part decoded and encoded again with encodeURIComponent,
 * sorted by name then value (code-unit order), joined with "&". No query: "". Null when it
 * cannot be decoded.
 */
export function canonicalQuery(query: string | Record<string, string>): string | null {
  const pairs: [string, string][] = [];
  if (typeof query === 'string') {
    for (const part of query.replace(/^\?/, '').split('&')) {
      if (!part) continue;
      const at = part.indexOf('=');
      const name = decode(at < 0 ? part : part.slice(0, at), true);
      const value = decode(at < 0 ? '' : part.slice(at + 1), true);
      if (name === null || value === null) return null;
      pairs.push([name, value]);
    }
  } else {
    pairs.push(...Object.entries(query));
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return pairs
    .map(([n, v]) => [encodeURIComponent(n), encodeURIComponent(v)] as const)
    .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

/** What a signature covers. `url` is the request target: the path and, after "?", the query. */
export interface RequestToSign {
  method: string;
  url: string;
  body?: Buffer | string;
}

/** What a received request's signature must cover: its method, its target as sent, its body. */
export function received(req: IncomingMessage, body?: Buffer): RequestToSign {
  return { method: req.method ?? '', url: req.url ?? '', ...(body ? { body } : {}) };
}

/** The signed text's head (without the body); null when the URL cannot be decoded. */
function requestHead(timestamp: string, request: RequestToSign): string | null {
  const at = request.url.indexOf('?');
  const path = canonicalPath(at < 0 ? request.url : request.url.slice(0, at));
  const query = canonicalQuery(at < 0 ? '' : request.url.slice(at + 1));
  if (path === null || query === null) return null;
  return `${timestamp}\n${request.method.toUpperCase()}\n${path}\n${query}\n`;
}

const bytesOf = (body: Buffer | string | undefined) =>
  body === undefined ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body) : body;

function hmac(secret: string, head: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(head).update(body).digest();
}

/** The X-Esd-Signature of a request (callers, tests and docs sign with it). */
export function signRequest(
  secret: string,
  timestamp: string | number,
  request: RequestToSign,
): string {
  const head = requestHead(String(timestamp), request);
  if (head === null) throw new Error('the URL cannot be decoded');
  return `sha256=${hmac(secret, head, bytesOf(request.body)).toString('hex')}`;
}

/** The first scheme, "<timestamp>.<raw body>", still accepted on POST /api/gateway/handoffs. */
export function signGatewayBody(
  secret: string,
  timestamp: string | number,
  body: Buffer | string,
): string {
  return `sha256=${hmac(secret, `${timestamp}.`, bytesOf(body)).toString('hex')}`;
}

function single(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value.trim() : null;
}

export interface SignedHeaders {
  timestamp: string;
  signature: Buffer;
}

/**
 * Checks the headers' shape and the timestamp's freshness, before the body is read: a request
 * that cannot be authentic costs no more than this.
 */
export function readSignatureHeaders(
  headers: Record<string, string | string[] | undefined>,
  now: Date,
): { ok: true; signed: SignedHeaders } | { ok: false; problem: SignatureProblem } {
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!timestamp || !signature || !TIMESTAMP.test(timestamp)) {
    return { ok: false, problem: 'malformed' };
  }
  const match = SIGNATURE.exec(signature);
  if (!match) return { ok: false, problem: 'malformed' };
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > TOLERANCE_SECONDS) return { ok: false, problem: 'stale' };
  return { ok: true, signed: { timestamp, signature: Buffer.from(match[1] as string, 'hex') } };
}

/**
 * True when one of `secrets` (current first, then the previous one during a rotation) signed
 * this request; with `bodyOnly`, the first scheme "<timestamp>.<body>" is accepted too. Every
 * candidate is tried, and each comparison is constant-time.
 */
export function verifySignature(
  secrets: readonly string[],
  signed: SignedHeaders,
  request: RequestToSign,
  options: { bodyOnly?: boolean } = {},
): boolean {
  const body = bytesOf(request.body);
  const head = requestHead(signed.timestamp, request);
  const heads = [
    ...(head === null ? [] : [head]),
    ...(options.bodyOnly ? [`${signed.timestamp}.`] : []),
  ];
  let matched = false;
  for (const secret of secrets) {
    for (const text of heads) {
      const expected = hmac(secret, text, body);
      if (
        expected.length === signed.signature.length &&
        timingSafeEqual(expected, signed.signature)
      )
        matched = true;
    }
  }
  return matched;
}

export type SignatureCheck =
  | { ok: true; signed: SignedHeaders }
  | { ok: false; problem: SignatureProblem };

/** Headers, freshness and signature of a request without a body (GET), in one call. */
export function checkSignedRequest(
  secrets: readonly string[],
  headers: Record<string, string | string[] | undefined>,
  request: RequestToSign,
  now: Date,
): SignatureCheck {
  const read = readSignatureHeaders(headers, now);
  if (!read.ok) return read;
  return verifySignature(secrets, read.signed, request) ? read : { ok: false, problem: 'mismatch' };
}
