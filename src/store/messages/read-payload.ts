import type { z } from '../../config/zod.js';

export type PayloadRead<T> = { ok: true; payload: T } | { ok: false; error: string };

/**
 * A stored payload checked against its kind's schema on read: bad JSON or a payload that does not
 * fit comes back as a clear error (the caller cancels the row), never as an exception.
 */
export function readPayload<T>(schema: z.ZodType<T>, stored: string): PayloadRead<T> {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { ok: false, error: 'payload is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: `payload does not fit its kind: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}`,
  };
}
