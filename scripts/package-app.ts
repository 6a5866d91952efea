/**
 * Builds the Teams app package: build/esd-bot-teams-app.zip, holding at its root
 *   manifest.json (with ${{BOT_ID}} filled in), color.png, outline.png, and the
 *   localization files pt-BR.json, es-ES.json, de.json, ja.json, zh-Hans.json.
 *
 * Run: npm run package [-- --out <path>]
 * The bot id is MicrosoftAppId, read through the config module (the one place that reads the
 * environment, .env included).
 *
 * The zip is written here with node:zlib (deflate, CRC-32): no dependency, and the output is
 * byte-for-byte reproducible (fixed timestamps, fixed file order).
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import { ConfigError, loadAppIdForPackaging } from '../src/config/config.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_DIR = join(ROOT, 'manifest');
export const DEFAULT_OUT_FILE = join(ROOT, 'build', 'esd-bot-teams-app.zip');

/** The files of the package, in the order they are written (manifest first). */
export const PACKAGE_FILES = [
  'manifest.json',
  'color.png',
  'outline.png',
  'pt-BR.json',
  'es-ES.json',
  'de.json',
  'ja.json',
  'zh-Hans.json',
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_.]*)\s*\}\}/g;

export interface BuildAppPackageOptions {
  /** The bot's Microsoft App ID (a GUID): the manifest's `id` and `bots[0].botId`. */
  botId: string;
  /** The host the bot is served from: the planner tab's URLs and the SSO resource (issue 18). */
  botDomain?: string;
  /** When given, the zip is also written there (parent folders are created). */
  outFile?: string;
}

export interface AppPackage {
  zip: Buffer;
  /** The manifest as packaged, placeholders filled in. */
  manifest: Record<string, unknown>;
}

/** Fills `${{BOT_ID}}`; any other `${{…}}` left in the text is an error, not a silent hole. */
function fillPlaceholders(text: string, values: Record<string, string>, file: string): string {
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return value;
  });
  if (unknown.size > 0) {
    throw new Error(`${file}: no value for placeholder(s) ${[...unknown].join(', ')}`);
  }
  return filled;
}

export function buildAppPackage({
  botId,
  botDomain = 'localhost',
  outFile,
}: BuildAppPackageOptions): AppPackage {
  if (!GUID.test(botId)) throw new Error('the bot id (MicrosoftAppId) must be a GUID');
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i.test(botDomain))
    throw new Error('the bot domain (BOT_DOMAIN) must be a host name, such as esd-bot.example.com');
  const values = { BOT_ID: botId, BOT_DOMAIN: botDomain };

  let manifest: Record<string, unknown> | undefined;
  const entries = PACKAGE_FILES.map((name) => {
    let data = readFileSync(join(MANIFEST_DIR, name));
    if (name.endsWith('.json')) {
      const text = fillPlaceholders(data.toString('utf8'), values, name);
      const parsed = JSON.parse(text) as Record<string, unknown>; // also checks it is JSON
      if (name === 'manifest.json') manifest = parsed;
      data = Buffer.from(text, 'utf8');
    }
    return { name, data };
  });
  if (!manifest) throw new Error('manifest.json is missing from the package');

  const zip = writeZip(entries);
  if (outFile) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, zip);
  }
  return { zip, manifest };
}

// ---------------------------------------------------------------------------------------------
// A minimal zip writer (PKWARE APPNOTE 6.3): one local header + data per file, then the central
// directory and its end record. Deflate when it helps, store otherwise. No zip64, no encryption;
// a Teams package is a few kilobytes.

/** 1980-01-01 00:00:00 in MS-DOS format, so the same input always gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;

interface ZipInput {
  name: string;
  data: Buffer;
}

function writeZip(files: readonly ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;

  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); // central directory header signature
    entry.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6); // version needed
    entry.writeUInt16LE(UTF8_NAMES, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt16LE(0, 30); // extra field length
    entry.writeUInt16LE(0, 32); // comment length
    entry.writeUInt16LE(0, 34); // disk number start
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(0, 38); // external attributes
    entry.writeUInt32LE(offset, 42); // offset of the local header

    parts.push(local, nameBytes, body);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }

  const centralDirectory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length

  return Buffer.concat([...parts, centralDirectory, end]);
}

// ---------------------------------------------------------------------------------------------

function fail(message: string): never {
  console.error(`package-app: ${message}`);
  process.exit(1);
}

function main(): void {
  let out: string | undefined;
  try {
    ({ out } = parseArgs({ options: { out: { type: 'string' } } }).values);
  } catch (error) {
    fail(`${(error as Error).message}. Usage: package-app [--out <path>]`);
  }

  let appId: string;
  try {
    appId = loadAppIdForPackaging();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.problems.join('\n'));
    throw error;
  }

  const outFile = out ? resolve(out) : DEFAULT_OUT_FILE;
  const botDomain = process.env.BOT_DOMAIN?.trim() || undefined;
  if (!botDomain)
    console.warn('package-app: BOT_DOMAIN is not set: the planner tab points at localhost');
  const { zip } = buildAppPackage({ botId: appId, botDomain, outFile });
  console.log(`wrote ${outFile} (${zip.length} bytes, bot ${appId})`);
}

/** True when this file is the program being run (not imported, e.g. by the tests). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) main();
