import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The one body reader of the server. Only `application/json` is read, in memory and up to a
 * limit; nothing is ever written to disk (restify's bodyParser hands multipart to formidable,
 * which stores uploads in the temp folder before anyone is authenticated: issue 13, item 1).
 */

export type RawBody =
  | { ok: true; bytes: Buffer }
  /** 415: not JSON. The body was not read (it is drained and dropped). */
  | { ok: false; status: 415 }
  /** 413: more than the limit. */
  | { ok: false; status: 413 }
  /** 400: the connection broke while the body was arriving. */
  | { ok: false; status: 400 };

/** True for `application/json`, with or without parameters (charset must be UTF-8 if given). */
export function isJsonContentType(headers: IncomingHttpHeaders): boolean {
  const header = headers['content-type'];
  if (typeof header !== 'string') return false;
  const [type = '', ...params] = header.toLowerCase().split(';');
  if (type.trim() !== 'application/json') return false;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((s) => s.trim());
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8') return false;
  }
  return true;
}

/** Drops whatever the client still sends, without keeping it. */
function drain(req: IncomingMessage): void {
  req.on('data', () => {});
  req.resume();
}

/**
 * The raw bytes of a JSON request body, exactly as sent (a signature is checked over them), at
 * most `limit` of them. Anything but application/json is refused before a byte is read.
 */
export function readJsonBytes(req: IncomingMessage, limit: number): Promise<RawBody> {
  if (!isJsonContentType(req.headers)) {
    drain(req);
    return Promise.resolve({ ok: false, status: 415 });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req);
    return Promise.resolve({ ok: false, status: 413 });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: RawBody) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => finish({ ok: true, bytes: Buffer.concat(chunks, size) }));
    req.once('error', () => finish({ ok: false, status: 400 }));
    req.once('aborted', () => finish({ ok: false, status: 400 }));
  });
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415 };

/** readJsonBytes, then JSON.parse (400 when it is not JSON). */
export async function readJson(req: IncomingMessage, limit: number): Promise<JsonBody> {
  const raw = await readJsonBytes(req, limit);
  if (!raw.ok) return raw;
  try {
    return { ok: true, value: JSON.parse(raw.bytes.toString('utf8')) };
  } catch {
    return { ok: false, status: 400 };
  }
}

/** The error bodies of the statuses above, the same on every route. */
export function bodyError(status: 400 | 413 | 415, limit: number) {
  switch (status) {
    case 415:
      return {
        error: 'unsupported_media_type',
        message: 'the body must be application/json (UTF-8)',
      };
    case 413:
      return { error: 'too_large', message: `the body may have at most ${limit} bytes` };
    default:
      return { error: 'invalid_body', problems: [{ path: '(body)', message: 'not JSON' }] };
  }
}
