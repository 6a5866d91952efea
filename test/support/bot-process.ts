import { type ChildProcess, spawn } from 'node:child_process';
import { scaled } from './time.js';

export interface BotProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * Starts `src/main.ts` as its own process (the way `npm start` runs it, through tsx) and waits
 * for its "listening" log line. Output is kept for failure messages.
 */
export async function startBotProcess(
  env: Record<string, string>,
  // Start-up through tsx takes seconds on a busy machine: bounded, and scaled like vitest's limits.
  timeoutMs = scaled(60_000),
): Promise<BotProcess> {
  const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot did not start:\n${output.join('')}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      for (const line of chunk.toString().split('\n')) {
        const match = /"url":"([^"]+)".*esd-bot listening/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`bot exited with ${code}:\n${output.join('')}`)));
  });
  return { child, url, output, exited };
}
