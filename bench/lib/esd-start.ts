import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './proc.js';

/**
 * node's arguments for esd-bot as `npm start` gives them (package.json's start script: the node
 * flags, then dist/src/main.js), read from `dir`'s package.json so a checkout built before a flag
 * changed runs as it did then. The Containerfile's ENTRYPOINT carries the same flags
 * (test/ops/start-command.test.ts): the bench measures the process that runs.
 */
export function esdBotNodeArgs(dir: string = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/src/main.js')
    throw new Error(`${dir}: start script is not "node [flags] dist/src/main.js"`);
  return words.slice(1);
}
