import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** Clock ticks per second for /proc/<pid>/stat (100 on every Linux this runs on). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcStats {
  /** User + system CPU time used so far, ms. */
  cpuMs: number;
  /** Resident set size now, and its peak (VmHWM), in MiB. */
  rssMiB: number;
  peakRssMiB: number;
}

/** CPU time and memory of a running process, from /proc. */
export function procStats(pid: number): ProcStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return {
    cpuMs: ((utime + stime) * 1000) / CLK_TCK,
    rssMiB: kib('VmRSS') / 1024,
    peakRssMiB: kib('VmHWM') / 1024,
  };
}

/**
 * Pinning: on a machine with two cores or more, the process under test gets the last core to
 * itself and everything else (the load generator, the fake connector, this script) the others,
 * so "one core" means one core and the load generator does not steal from the bot.
 */
export const PINNING = availableParallelism() >= 2 && hasTaskset();
const cores = availableParallelism();
export const BOT_CORES = PINNING ? String(cores - 1) : null;
export const LOAD_CORES = PINNING ? (cores > 2 ? `0-${cores - 2}` : '0') : null;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Moves this process (all its threads) onto the load cores, or the given ones. */
export function pinSelf(cores: string | null = LOAD_CORES): void {
  if (cores)
    execFileSync('taskset', ['-a', '-pc', cores, String(process.pid)], { stdio: 'ignore' });
}

export interface Child {
  child: ChildProcess;
  pid: number;
  output: string[];
  exited: Promise<number | null>;
  /** What the ready matcher captured (usually the URL). */
  ready: string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Cores to pin to (taskset -c); none when null. */
  cores?: string | null;
  /** Extra node flags (--cpu-prof ...). */
  nodeFlags?: string[];
  /** Returns what it finds in a line of output when the process is ready, else null. */
  ready: (line: string) => string | null;
  timeoutMs?: number;
  cwd?: string;
}

/** Starts a TypeScript entry point with node --import tsx and waits until it says it is ready. */
export function spawnTs(entry: string, args: string[], options: SpawnOptions): Promise<Child> {
  const nodeArgs = [...(options.nodeFlags ?? []), '--import', 'tsx', entry, ...args];
  return spawnCommand(process.execPath, nodeArgs, options);
}

export function spawnCommand(
  command: string,
  args: string[],
  options: SpawnOptions,
): Promise<Child> {
  const [file, argv] = options.cores
    ? ['taskset', ['-c', options.cores, command, ...args]]
    : [command, args];
  const child = spawn(file, argv, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not get ready:\n${output.join('')}`));
    }, options.timeoutMs ?? 60_000);
    let buffered = '';
    let done = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 2000) output.push(text);
      if (done) return;
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const found = options.ready(line);
        if (found !== null) {
          done = true;
          clearTimeout(timer);
          resolve({ child, pid: child.pid as number, output, exited, ready: found });
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!done)
        reject(
          new Error(`${command} exited with ${code} before it was ready:\n${output.join('')}`),
        );
    });
  });
}

/** The JSON line `{"ready": "<value>"}` that the bench's own servers print. */
export const readyLine = (line: string): string | null => {
  if (!line.startsWith('{"ready"')) return null;
  return String((JSON.parse(line) as { ready: unknown }).ready);
};

/** esd-bot's own "listening" log line (pino JSON) gives its URL. */
export const esdBotListening = (line: string): string | null =>
  /"url":"([^"]+)".*esd-bot listening/.exec(line)?.[1] ?? null;

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stop(child: Child, graceMs = 10_000): Promise<void> {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return;
  child.child.kill('SIGTERM');
  const timer = setTimeout(() => child.child.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}
