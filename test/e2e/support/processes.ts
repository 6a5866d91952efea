import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The last lines a process (or the bot's logger) wrote, kept to print when a test fails. */
export class LogBuffer {
  readonly lines: string[] = [];

  constructor(
    readonly name: string,
    private readonly max = 3000,
  ) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  tail(n = 150): string {
    const lines = this.lines.slice(-n);
    return `----- ${this.name} (last ${lines.length} of ${this.lines.length} lines) -----\n${lines.join('\n')}`;
  }
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// Whatever happens to the test process, no emulator or CLI is left behind.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Starts a process in its own process group (so the whole tree can be stopped), logging its output. */
export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: LogBuffer; onLine?: (line: string) => void },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', (code, signal) => {
    running.delete(child);
    options.log.push(`[exited: ${signal ?? `code ${code}`}]`);
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      options.log.push(line);
      options.onLine?.(line);
    });
  }
  return child;
}

/** SIGTERM to the process group, SIGKILL after `timeoutMs`; resolves once the process has exited. */
export async function stopGroup(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion, bounded in time; its output goes to `log` too. */
export async function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: LogBuffer; timeoutMs: number },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const stderr: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    stdout.push(line);
    options.log.push(line);
  });
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    stderr.push(line);
    options.log.push(line);
  });
  const timer = setTimeout(() => {
    options.log.push(`[timed out after ${options.timeoutMs} ms: killed]`);
    killGroup(child, 'SIGKILL');
  }, options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  running.delete(child);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Polls `check` until it returns something truthy; fails after `timeoutMs` saying what was awaited. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
}
