import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Request signing for the Gateway webhook. The Gateway Team's system sends
 *   X-Esd-Timestamp: <Unix seconds>
 *   X-Esd-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret>
 * The timestamp is inside the signed text, so a captured request cannot be replayed with a new
 * one; requests more than five minutes off our clock (either way) are refused.
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
  /** No configured secret produces this signature. */
  | 'mismatch'
  /** This very signed request was already processed. */
  | 'replayed';

/** The HMAC a sender puts in X-Esd-Signature (tests and docs sign with it too). */
export function signGatewayRequest(
  secret: string,
  timestamp: string | number,
  body: Buffer | string,
): string {
  return `sha256=${digest(secret, String(timestamp), typeof body === 'string' ? Buffer.from(body) : body).toString('hex')}`;
}

function digest(secret: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
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
 * `<timestamp>.<body>`. Every secret is tried, and each comparison is constant-time.
 */
export function verifySignature(
  secrets: readonly string[],
  signed: SignedHeaders,
  body: Buffer,
): boolean {
  let matched = false;
  for (const secret of secrets) {
    const expected = digest(secret, signed.timestamp, body);
    if (expected.length === signed.signature.length && timingSafeEqual(expected, signed.signature))
      matched = true;
  }
  return matched;
}
