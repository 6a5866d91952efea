import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const startWords = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .trim()
  .split(/\s+/);

it('the image starts node with the same flags as npm start', () => {
  const containerfile = readFileSync(join(root, 'Containerfile'), 'utf8');
  const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(containerfile)?.[1];
  expect(entrypoint).toBeDefined();
  expect(JSON.parse(entrypoint as string)).toEqual(startWords);
  expect(startWords[0]).toBe('node');
  expect(startWords.at(-1)).toBe('dist/src/main.js');
});

it("the start flags keep V8's young generation at Node 20's size on this Node", () => {
  // Objects that survive: without the cap, Node 24 on a machine with a few GiB grows the new
  // space to 128 MiB (two 64 MiB semi-spaces) and keeps it.
  const script = `
    const v8 = require('node:v8');
    const kept = [];
    for (let i = 0; i < 3e6; i++) kept.push({ i, s: 'x' + i });
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(kept.length > 0 ? space.space_size : 0));`;
  const flags = startWords.slice(1, -1);
  const newSpace = Number(
    execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }),
  );
  expect(newSpace).toBeGreaterThan(0);
  expect(newSpace).toBeLessThanOrEqual(32 * 1024 * 1024);
});
