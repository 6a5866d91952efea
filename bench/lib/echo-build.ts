import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './proc.js';

/** The echo bot as plain JavaScript beside the build (its one import of src resolves there). */
export const ECHO_JS = 'dist/bench/echo-bot.js';

/** Transpiles bench/echo-bot.ts to ECHO_JS, so the floor runs on plain node like esd-bot's build. */
export function buildEchoBot(): string {
  const source = readFileSync(join(ROOT, 'bench', 'echo-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  mkdirSync(join(ROOT, 'dist', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, ECHO_JS), outputText);
  return join(ROOT, ECHO_JS);
}
