import { createRequire } from 'node:module';

/**
 * Node 24 removed `process.binding('http_parser')`. restify 11 loads spdy, whose http-deceiver
 * reads it while being imported, so `import restify` throws "No such module: http_parser" on
 * Node 24. esd-bot never uses spdy (plain HTTP/1.1): hand it the same parser from `_http_common`
 * so the import succeeds. Must be imported before restify (first import of src/http/server.ts).
 * Drop it with restify 12, which no longer depends on spdy (but needs Node >= 22).
 */
const proc = process as unknown as { binding: (name: string) => unknown };
const original = proc.binding.bind(process);
proc.binding = (name: string): unknown => {
  if (name !== 'http_parser') return original(name);
  try {
    return original(name);
  } catch {
    const common = createRequire(import.meta.url)('_http_common') as {
      HTTPParser: unknown;
      methods: string[];
    };
    return { HTTPParser: common.HTTPParser, methods: common.methods };
  }
};
