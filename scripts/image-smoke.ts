/**
 * Proves the built image works on this machine without a container runtime (plain `podman run`
 * fails here on cgroup v1 without systemd): `podman image mount`, then the image's own entry
 * command from its root filesystem, as the image's user, in a private mount namespace with a
 * temporary folder bound on the /data volume. Checks /healthz, /readyz, the image's HEALTHCHECK,
 * one conversation turn over HTTP (a fake Bot Connector on 127.0.0.1 receives the reply), then
 * SIGTERM and exit code 0. Before that, lists the image's files: no dev dependency, no test, no
 * source, no .env, no key or secret.
 *
 *   npx tsx scripts/image-smoke.ts [image]      (default localhost/esd-bot:latest; as root)
 *
 * The bot runs on the host's network, so it listens on 127.0.0.1 in local mode (no app id): the
 * image's HOST=0.0.0.0 is refused without a MicrosoftAppId, on purpose.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector.js';

const IMAGE = process.argv[2] ?? 'localhost/esd-bot:latest';
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

interface ImageConfig {
  User: string;
  Env: string[];
  WorkingDir: string;
  Entrypoint: string[] | null;
  Cmd: string[] | null;
  Labels: Record<string, string> | null;
  Volumes: Record<string, object> | null;
  Healthcheck?: { Test: string[] };
}

function imageConfig(): ImageConfig {
  const [info] = JSON.parse(execFileSync('podman', ['image', 'inspect', IMAGE]).toString()) as {
    Config: ImageConfig;
    Size: number;
  }[];
  // podman keeps HEALTHCHECK beside the OCI config (docker format).
  const [healthcheck] = JSON.parse(
    execFileSync('podman', ['image', 'inspect', '--format', '{{json .HealthCheck}}', IMAGE])
      .toString()
      .replace(/^/, '[')
      .replace(/\s*$/, ']'),
  ) as ({ Test: string[] } | null)[];
  if (!info) throw new Error(`no image ${IMAGE}`);
  console.log(`image ${IMAGE}: ${(info.Size / 1e6).toFixed(0)} MB`);
  return { ...info.Config, Healthcheck: healthcheck ?? undefined };
}

function walk(root: string, dir = '', out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (['/proc', '/sys', '/dev'].includes(path)) continue;
    out.push(path);
    if (entry.isDirectory()) walk(root, path, out);
  }
  return out;
}

/** What the image holds: nothing of the developer's checkout but the built code. */
function checkFiles(rootfs: string, config: ImageConfig): void {
  const files = walk(rootfs);
  const app = config.WorkingDir;
  console.log(`${files.length} files and folders in the image, app in ${app}`);
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const devOnly = Object.entries(lock.packages)
    .filter(([path, p]) => path && p.dev)
    .map(([path]) => `${app}/${path}`);
  const present = new Set(files);
  const devFound = devOnly.filter((p) => present.has(p));
  check(
    devFound.length === 0,
    `no dev dependency (${devOnly.length} checked) ${devFound.join(' ')}`,
  );
  const forbidden = ['test', 'src', 'bench', 'scripts', 'docs', '.git', '.ci', 'data', 'build'].map(
    (d) => `${app}/${d}`,
  );
  const foundForbidden = forbidden.filter((p) => present.has(p));
  check(
    foundForbidden.length === 0,
    `no tests, sources or checkout folders ${foundForbidden.join(' ')}`,
  );
  check(
    !files.some(
      (f) =>
        f.startsWith(`${app}/`) &&
        !f.startsWith(`${app}/node_modules/`) &&
        /\.ts$/.test(f) &&
        !f.endsWith('.d.ts'),
    ),
    'no TypeScript source beside the built code',
  );
  check(
    present.has(`${app}/dist/src/main.js`) && present.has(`${app}/cards`),
    'built code and cards present',
  );
  const envFiles = files.filter((f) => /(^|\/)\.env(\.[^/]*)?$/.test(f));
  check(envFiles.length === 0, `no .env file anywhere ${envFiles.join(' ')}`);
  const keys = files.filter(
    (f) =>
      // Debian's own CA bundle and its links (/usr/lib/ssl/cert.pem, /etc/ssl/certs) are public.
      !f.startsWith('/usr/') &&
      !f.startsWith('/etc/ssl/') &&
      /(\.(pem|key|pfx|p12)|id_rsa|id_ed25519|\.npmrc-auth)$/.test(f),
  );
  check(keys.length === 0, `no private key or certificate bundle of ours ${keys.join(' ')}`);
  const npmrcs = files.filter((f) => f.endsWith('/.npmrc') && !f.startsWith('/usr/'));
  check(npmrcs.length === 0, `no .npmrc (registry credentials) ${npmrcs.join(' ')}`);
  const secretEnv = config.Env.filter((e) =>
    /^(MicrosoftAppPassword|GATEWAY_WEBHOOK_SECRET\w*|APPLICATIONINSIGHTS_CONNECTION_STRING|DATABASE_URL)=./.test(
      e,
    ),
  );
  check(secretEnv.length === 0, `no secret in the image's environment ${secretEnv.join(' ')}`);
  check(
    config.User !== '' && !/^(root|0)(:|$)/.test(config.User),
    `runs as a non-root user (${config.User})`,
  );
  check(!!config.Volumes?.['/data'], 'SQLite on the /data volume');
  check(!!config.Labels?.['org.opencontainers.image.revision'], 'OCI labels');
  check((config.Healthcheck?.Test ?? []).join(' ').includes('/healthz'), 'HEALTHCHECK on /healthz');
  check(
    config.Entrypoint?.[0] === 'node',
    `exec form, node as PID 1 (${config.Entrypoint?.join(' ')})`,
  );
  // What the bench measures is `npm start`'s command: the image must run the same.
  const start = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start;
  check(
    [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])].join(' ') === start.trim(),
    `the same command as npm start (${start})`,
  );
}

function idsOf(rootfs: string, user: string): { uid: number; gid: number } {
  const [name, group] = user.split(':');
  const passwd = readFileSync(join(rootfs, 'etc/passwd'), 'utf8')
    .split('\n')
    .map((l) => l.split(':'));
  const groups = readFileSync(join(rootfs, 'etc/group'), 'utf8')
    .split('\n')
    .map((l) => l.split(':'));
  const u = passwd.find((p) => p[0] === name || p[2] === name);
  if (!u) throw new Error(`user ${name} not in the image`);
  const g = group ? groups.find((p) => p[0] === group || p[2] === group)?.[2] : u[3];
  return { uid: Number(u[2]), gid: Number(g) };
}

/**
 * argv run from the image's root filesystem as its user, in a private mount namespace: the data
 * folder bound on /data, /proc, /dev and a /tmp. `exec` all the way down, so the child's pid is
 * node's own and SIGTERM reaches it straight.
 */
function inImage(
  rootfs: string,
  config: ImageConfig,
  dataDir: string,
  argv: string[],
  env: Record<string, string>,
): ChildProcess {
  const { uid, gid } = idsOf(rootfs, config.User);
  const script = [
    'set -e',
    'mount --bind "$DATA" "$ROOTFS/data"',
    'mount -t proc proc "$ROOTFS/proc"',
    'mount --rbind /dev "$ROOTFS/dev"',
    'mount -t tmpfs -o mode=1777 tmpfs "$ROOTFS/tmp"',
    'exec chroot --userspec="$IDS" --groups="$GID" "$ROOTFS" /usr/bin/env -i -C "$WORKDIR" "$@"',
  ].join('\n');
  const vars = Object.entries({
    ...Object.fromEntries(
      config.Env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    ),
    ...env,
  }).map(([k, v]) => `${k}=${v}`);
  return spawn(
    'unshare',
    ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', ...vars, ...argv],
    {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        DATA: dataDir,
        ROOTFS: rootfs,
        IDS: `${uid}:${gid}`,
        GID: String(gid),
        WORKDIR: config.WorkingDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** The process running the entry command: pid itself or one of its descendants. */
function findNode(pid: number): number | null {
  const cmdline = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
    } catch {
      return [];
    }
  };
  if (cmdline(pid)[0]?.endsWith('node')) return pid;
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return null;
  }
  for (const child of children) {
    const found = findNode(child);
    if (found !== null) return found;
  }
  return null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(
  what: string,
  seconds: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: nothing after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function exitOf(child: ChildProcess, seconds: number): Promise<number | string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => resolve('still running'), seconds * 1000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? `signal ${signal}`);
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = imageConfig();
  const rootfs = execFileSync('podman', ['image', 'mount', IMAGE]).toString().trim();
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-bot-data-'));
  const connector = await new FakeConnector().start();
  let bot: ChildProcess | null = null;
  let output = '';
  try {
    checkFiles(rootfs, config);
    const { uid, gid } = idsOf(rootfs, config.User);
    chownSync(dataDir, uid, gid);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const entry = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
    bot = inImage(rootfs, config, dataDir, entry, { HOST: '127.0.0.1', PORT: String(port) });
    bot.stdout?.on('data', (d) => {
      output += d;
    });
    bot.stderr?.on('data', (d) => {
      output += d;
    });
    const status = (path: string) => fetch(`${base}${path}`).then((r) => r.status);
    check(
      (await until('/healthz', 60, async () =>
        (await status('/healthz')) === 200 ? 200 : undefined,
      )) === 200,
      'GET /healthz 200',
    );
    check((await status('/readyz')) === 200, 'GET /readyz 200 (SQLite on the volume answers)');
    check(
      readdirSync(dataDir).some((f) => f.endsWith('.db')),
      `the database is on the volume (${readdirSync(dataDir).join(' ')})`,
    );

    const health = inImage(
      rootfs,
      config,
      dataDir,
      config.Healthcheck?.Test.slice(1) ?? ['false'],
      { PORT: String(port) },
    );
    check((await exitOf(health, 30)) === 0, 'the HEALTHCHECK command passes');

    const tenantId = randomUUID();
    const user = { id: '29:smoke', name: 'Smoke Test', aadObjectId: randomUUID() };
    connector.addMember({ ...user, userPrincipalName: 'smoke@example.com' });
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        serviceUrl: connector.url,
        channelId: 'msteams',
        from: user,
        conversation: { id: 'a:personal-smoke', conversationType: 'personal', tenantId },
        recipient: { id: '28:esd-bot', name: 'esd-bot' },
        locale: 'en-US',
        text: 'help',
        channelData: { tenant: { id: tenantId } },
      }),
    });
    check(response.status >= 200 && response.status < 300, `POST /api/messages ${response.status}`);
    const reply = await until('a reply at the connector', 20, async () => connector.sent[0]);
    check(
      !!reply,
      `the bot replied (${reply.activity.type}${reply.activity.text ? `: ${reply.activity.text.slice(0, 60)}` : ', a card'})`,
    );

    // SIGTERM to node itself: unshare and chroot exec, but the pid we spawned may still be a
    // parent of node's (chroot --userspec here), so look for node below it.
    const nodePid = findNode(bot.pid ?? 0);
    check(nodePid !== null, `node found running (pid ${nodePid})`);
    process.kill(nodePid ?? bot.pid ?? 0, 'SIGTERM');
    const code = await exitOf(bot, 20);
    check(code === 0, `SIGTERM: exited with ${code}`);
    check(output.includes('stopped cleanly'), 'graceful shutdown logged');
  } catch (error) {
    problems.push(String(error));
    console.log(`FAIL ${String(error)}`);
  } finally {
    if (bot && bot.exitCode === null) {
      bot.kill('SIGKILL');
      await exitOf(bot, 5);
    }
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
    execFileSync('podman', ['image', 'unmount', IMAGE]);
  }
  if (problems.length > 0) {
    console.log(`--- the bot's output\n${output}`);
    console.log(`image smoke test: ${problems.length} failed`);
    process.exit(1);
  }
  console.log(`image smoke test: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
