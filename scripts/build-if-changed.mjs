// prestart: compile only when something the build reads changed since the last build. Plain
// Node (no tsx, no TypeScript loaded) so that an unchanged tree costs a few stat calls, not the
// ~0.7 s of CPU that loading tsc for its own up-to-date check takes. When anything is newer than
// the build info (a source, a tsconfig, the dependencies), `tsc -b` decides what to rebuild.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildInfo = join(root, 'dist', 'tsconfig.build.tsbuildinfo');
const main = join(root, 'dist', 'src', 'main.js');
const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate() {
  try {
    if (!existsSync(main)) return false;
    const built = statSync(buildInfo).mtimeMs;
    let newest = newestUnder(join(root, 'src'));
    for (const file of inputs) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    return newest < built;
  } catch {
    return false; // no build yet, or an input missing: let tsc say
  }
}

if (!upToDate()) {
  const started = new Date();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc emits even when the types are wrong: forget this build, so the next start checks again
  // (and fails again) instead of finding it up to date.
  if (result.status !== 0) rmSync(buildInfo, { force: true });
  // tsc leaves unchanged outputs (and an up-to-date build info) alone: stamp the build info with
  // the time this check began, so what changes during the build is seen as newer next time.
  else utimesSync(buildInfo, started, started);
  process.exit(result.status ?? 1);
}
