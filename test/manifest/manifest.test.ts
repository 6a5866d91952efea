/**
 * The Teams app package: manifest and localization files against the v1.24 JSON schemas (offline,
 * from @microsoft/app-manifest), the icons' sizes and outline rules, every command translated,
 * and the zip built by scripts/package-app.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, PACKAGE_FILES } from '../../scripts/package-app.js';
import { SEARCH_COMMAND } from '../../src/bot/message-extension.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MANIFEST_DIR = join(ROOT, 'manifest');
const SAMPLE_BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder, not a template
const BOT_ID_PLACEHOLDER = '${{BOT_ID}}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder, not a template
const BOT_DOMAIN_PLACEHOLDER = '${{BOT_DOMAIN}}';
const LANGUAGE_FILES = ['pt-BR.json', 'es-ES.json', 'de.json', 'ja.json', 'zh-Hans.json'] as const;
/** Teams' own display limits for bot commands (the schema allows longer strings). */
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

// The schemas ship with @microsoft/app-manifest (build/json-schemas/teams/v1.24/), so the
// validation needs no network and no copy in this repository.
const require = createRequire(import.meta.url);
const SCHEMA_DIR = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.24',
);

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function manifestText(): string {
  return readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
}

function filledManifest(): Json {
  return JSON.parse(
    manifestText()
      .replaceAll(BOT_ID_PLACEHOLDER, SAMPLE_BOT_ID)
      .replaceAll(BOT_DOMAIN_PLACEHOLDER, 'localhost'),
  ) as Json;
}

/**
 * The schemas are draft-04. `unicodeRegExp: false`: some localization key patterns (an unescaped
 * `]`) are not valid regular expressions with the `u` flag. `strict: false`: the vendor schemas
 * trip Ajv's strictTypes warnings (e.g. `additionalProperties` without `type: object`), which
 * are about how the schema is written, not about our files.
 */
function validator(schemaFile: string) {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(readJson(join(SCHEMA_DIR, schemaFile)));
}

interface Command {
  title: string;
  description: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Bot {
  botId: string;
  scopes: string[];
  commandLists: CommandList[];
}

interface SearchCommand {
  id: string;
  type: string;
  context: string[];
  description: string;
  semanticDescription: string;
  samplePrompts?: { text: string }[];
  parameters: { name: string; description: string; semanticDescription?: string }[];
}

function searchExtensionOf(manifest: Json): { botId: string; commands: SearchCommand[] } {
  const [extension] = manifest.composeExtensions as { botId: string; commands: SearchCommand[] }[];
  if (!extension) throw new Error('manifest has no compose extension');
  return extension;
}

function botOf(manifest: Json): Bot {
  const bots = manifest.bots as Bot[];
  const bot = bots[0];
  if (!bot) throw new Error('manifest has no bot');
  return bot;
}

// ---------------------------------------------------------------------------------------------
// PNG reading: enough of the format to check the chunks, the header and the pixels.

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Unfiltered 8-bit samples, row after row. */
  pixels: Buffer;
  channels: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function readPng(file: string): Png {
  const data = readFileSync(join(MANIFEST_DIR, file));
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE), `${file}: PNG signature`).toBe(true);
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    const crc = data.readUInt32BE(offset + 8 + length);
    expect(crc32(data.subarray(offset + 4, offset + 8 + length)), `${file}: ${type} CRC`).toBe(crc);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header) throw new Error(`${file}: no IHDR chunk`);
  const png = {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8] ?? 0,
    colorType: header[9] ?? 0,
  };
  const interlace = header[12];
  const channels = CHANNELS[png.colorType];
  // The pixel checks below handle what the icons use: 8-bit, non-palette, not interlaced.
  if (png.bitDepth !== 8 || channels === undefined || interlace !== 0) {
    return { ...png, channels: 0, pixels: Buffer.alloc(0) };
  }
  return { ...png, channels, pixels: unfilter(inflateSync(Buffer.concat(idat)), png, channels) };
}

function unfilter(raw: Buffer, png: { width: number; height: number }, bpp: number): Buffer {
  const stride = png.width * bpp;
  const out = Buffer.alloc(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[y * stride + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[(y - 1) * stride + x - bpp] ?? 0) : 0;
      const value = line[x] ?? 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`unknown PNG filter ${filter}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Zip reading: the central directory is the package's table of contents.

interface ZipEntry {
  name: string;
  data: Buffer;
}

function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd, 'end of central directory record').toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  let offset = zip.readUInt32LE(eocd + 16);
  expect(offset + size).toBe(eocd);

  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(offset), 'central directory header signature').toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    expect(zip.readUInt32LE(localOffset), `${name}: local header signature`).toBe(0x04034b50);
    const start =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const stored = zip.subarray(start, start + compressedSize);
    expect([0, 8], `${name}: compression method`).toContain(method);
    const data = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    expect(data.length, `${name}: size`).toBe(size);
    expect(crc32(data), `${name}: CRC-32`).toBe(crc);
    entries.push({ name, data });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------

describe('manifest.json', () => {
  it('is valid against the Teams v1.24 manifest schema once the bot id is filled in', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    const manifest = filledManifest();
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('is rejected by the schema while the placeholder is still there (the check is real)', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    expect(validate(JSON.parse(manifestText()))).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/id');
  });

  it('declares v1.24 and has the bot id placeholder as app id and bot id, and no other', () => {
    const manifest = readJson(join(MANIFEST_DIR, 'manifest.json'));
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.id).toBe(BOT_ID_PLACEHOLDER);
    expect(botOf(manifest).botId).toBe(BOT_ID_PLACEHOLDER);
    expect(
      manifestText()
        .match(/\$\{\{[^}]*\}\}/g)
        ?.filter((p) => p !== BOT_DOMAIN_PLACEHOLDER),
    ).toEqual(Array(5).fill(BOT_ID_PLACEHOLDER));
    expect(searchExtensionOf(manifest).botId).toBe(BOT_ID_PLACEHOLDER);
  });

  it('offers the bot in personal, team and group chat with one command list per scope', () => {
    const bot = botOf(readJson(join(MANIFEST_DIR, 'manifest.json')));
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists.flatMap((list) => list.scopes).sort()).toEqual([...bot.scopes].sort());
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual([
        'help',
        'my engagements',
        'change date',
        'no response',
        'history',
        'upcoming',
        'tenant',
        'capacity',
      ]);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(COMMAND_TITLE_MAX);
        expect(command.description.length).toBeLessThanOrEqual(COMMAND_DESCRIPTION_MAX);
      }
    }
  });

  it('refers only to files that are in the package', () => {
    const manifest = readJson(join(MANIFEST_DIR, 'manifest.json'));
    const icons = manifest.icons as Record<string, string>;
    const info = manifest.localizationInfo as {
      defaultLanguageTag: string;
      additionalLanguages: { languageTag: string; file: string }[];
    };
    expect(icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(info.defaultLanguageTag).toBe('en-us');
    expect(info.additionalLanguages).toEqual([
      { languageTag: 'pt-br', file: 'pt-BR.json' },
      { languageTag: 'es-es', file: 'es-ES.json' },
      // Teams falls back from a region to the bare language: "de" serves de-DE, de-AT and de-CH.
      { languageTag: 'de', file: 'de.json' },
      { languageTag: 'ja', file: 'ja.json' },
      // Simplified Chinese only: a zh-TW or zh-HK client gets English, as the bot does.
      { languageTag: 'zh-cn', file: 'zh-Hans.json' },
    ]);
    const referenced = ['manifest.json', ...Object.values(icons)];
    referenced.push(...info.additionalLanguages.map((l) => l.file));
    expect(referenced.sort()).toEqual([...PACKAGE_FILES].sort());
  });
});

describe.each(LANGUAGE_FILES)('%s', (file) => {
  const localization = readJson(join(MANIFEST_DIR, file));

  it('is valid against the Teams v1.24 localization schema', () => {
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    validate(localization);
    expect(validate.errors ?? []).toEqual([]);
    expect(localization.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.24/MicrosoftTeams.Localization.schema.json',
    );
  });

  it('translates the full name and the descriptions', () => {
    const manifest = readJson(join(MANIFEST_DIR, 'manifest.json'));
    const name = manifest.name as { short: string; full: string };
    const description = manifest.description as { short: string; full: string };
    expect(localization['name.short']).toBe(name.short); // the product name stays
    expect(localization['name.full']).not.toBe(name.full);
    expect(localization['description.short']).not.toBe(description.short);
    expect(localization['description.full']).not.toBe(description.full);
  });

  it('translates every command title and description, within Teams limits', () => {
    const bot = botOf(readJson(join(MANIFEST_DIR, 'manifest.json')));
    const expectedKeys: string[] = [];
    bot.commandLists.forEach((list, i) => {
      list.commands.forEach((command, j) => {
        for (const field of ['title', 'description'] as const) {
          const key = `bots[0].commandLists[${i}].commands[${j}].${field}`;
          expectedKeys.push(key);
          const translated = localization[key];
          expect(typeof translated, key).toBe('string');
          expect((translated as string).trim(), key).not.toBe('');
          expect((translated as string).toLowerCase(), key).not.toBe(command[field].toLowerCase());
          const max = field === 'title' ? COMMAND_TITLE_MAX : COMMAND_DESCRIPTION_MAX;
          expect((translated as string).length, key).toBeLessThanOrEqual(max);
        }
      });
    });
    // No stray key for a command the manifest does not have.
    const botKeys = Object.keys(localization).filter((key) => key.startsWith('bots['));
    expect(botKeys.sort()).toEqual(expectedKeys.sort());
  });

  it('gives the same command the same words in every scope', () => {
    const bot = botOf(readJson(join(MANIFEST_DIR, 'manifest.json')));
    const first = bot.commandLists[0];
    if (!first) throw new Error('no command list');
    bot.commandLists.forEach((_, i) => {
      first.commands.forEach((__, j) => {
        for (const field of ['title', 'description']) {
          expect(localization[`bots[0].commandLists[${i}].commands[${j}].${field}`]).toBe(
            localization[`bots[0].commandLists[0].commands[${j}].${field}`],
          );
        }
      });
    });
  });
});

describe('the search message extension (issue 16)', () => {
  const extension = searchExtensionOf(readJson(join(MANIFEST_DIR, 'manifest.json')));
  const command = extension.commands[0];

  it('declares one query command from the compose box and the command box', () => {
    expect(extension.commands).toHaveLength(1);
    expect(command?.id).toBe(SEARCH_COMMAND);
    expect(command?.type).toBe('query');
    expect(command?.context).toEqual(['compose', 'commandBox']);
    expect(command?.parameters.map((p) => p.name)).toEqual(['query']);
  });

  it('describes the command and its parameter for Microsoft 365 Copilot', () => {
    // Microsoft's guidance for message extensions as agents: say what it finds, by what, and
    // what it returns, in the semantic descriptions; a few sample prompts.
    if (!command) throw new Error('no command');
    expect(command.description.length).toBeLessThanOrEqual(COMMAND_DESCRIPTION_MAX);
    for (const word of ['customer', 'workload', 'Engagement Start Date', 'status'])
      expect(command.description).toContain(word);
    for (const word of ['domain', 'L1 status', 'estimate', 'latest change', 'does not change'])
      expect(command.semanticDescription).toContain(word);
    const [parameter] = command.parameters;
    expect(parameter?.description.length).toBeGreaterThan(20);
    expect(parameter?.semanticDescription).toContain('Examples');
    expect(command.samplePrompts?.length).toBeGreaterThanOrEqual(3);
  });

  it.each(LANGUAGE_FILES)('is translated in %s, within Teams limits', (file) => {
    const localization = readJson(join(MANIFEST_DIR, file));
    for (const [key, max] of [
      ['composeExtensions[0].commands[0].title', COMMAND_TITLE_MAX],
      ['composeExtensions[0].commands[0].description', COMMAND_DESCRIPTION_MAX],
      ['composeExtensions[0].commands[0].parameters[0].title', COMMAND_TITLE_MAX],
      ['composeExtensions[0].commands[0].parameters[0].description', COMMAND_DESCRIPTION_MAX],
    ] as const) {
      const text = localization[key];
      expect(typeof text, key).toBe('string');
      expect((text as string).length, key).toBeLessThanOrEqual(max);
    }
  });

  it('goes into the package with the bot id filled in', () => {
    const { manifest } = buildAppPackage({ botId: SAMPLE_BOT_ID });
    expect(searchExtensionOf(manifest).botId).toBe(SAMPLE_BOT_ID);
  });
});

describe('icons', () => {
  it('color.png is a 192×192 PNG on the accent colour', () => {
    const png = readPng('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const accent = (readJson(join(MANIFEST_DIR, 'manifest.json')).accentColor as string)
      .slice(1)
      .toLowerCase();
    expect(png.channels).toBeGreaterThanOrEqual(3);
    const corner = png.pixels.subarray(0, 3).toString('hex');
    expect(corner).toBe(accent);
  });

  it('outline.png is a 32×32 PNG, white on a transparent background', () => {
    const png = readPng('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    // Colour types 4 (grey + alpha) and 6 (RGB + alpha) carry an alpha channel.
    expect([4, 6]).toContain(png.colorType);
    expect(png.bitDepth).toBe(8);

    let transparent = 0;
    let opaque = 0;
    const offWhite: string[] = [];
    const colourChannels = png.channels - 1;
    for (let p = 0; p < png.width * png.height; p++) {
      const pixel = png.pixels.subarray(p * png.channels, (p + 1) * png.channels);
      const alpha = pixel[colourChannels] ?? 0;
      if (alpha === 0) {
        transparent++;
        continue;
      }
      if (alpha === 255) opaque++;
      if (!pixel.subarray(0, colourChannels).every((v) => v === 255)) {
        offWhite.push(`(${p % png.width},${Math.floor(p / png.width)})`);
      }
    }
    expect(offWhite, 'visible pixels that are not white').toEqual([]);
    expect(transparent).toBeGreaterThan(0);
    expect(opaque).toBeGreaterThan(0);
    // The corners are background, hence transparent.
    for (const p of [0, png.width - 1, png.width * (png.height - 1), png.width * png.height - 1]) {
      expect(png.pixels[p * png.channels + colourChannels]).toBe(0);
    }
  });
});

describe('the planner tab (issue 18)', () => {
  it('a personal static tab, a channel tab and the SSO resource, on the bot domain', () => {
    const { manifest } = buildAppPackage({ botId: SAMPLE_BOT_ID, botDomain: 'esd.example.com' });
    const m = manifest as {
      staticTabs: { contentUrl: string; scopes: string[] }[];
      configurableTabs: { configurationUrl: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
      validDomains: string[];
    };
    expect(m.staticTabs[0]).toMatchObject({
      contentUrl: 'https://esd.example.com/planner',
      scopes: ['personal'],
    });
    expect(m.configurableTabs[0]).toMatchObject({
      configurationUrl: 'https://esd.example.com/planner?config=1',
      scopes: ['team'],
    });
    expect(m.webApplicationInfo).toEqual({
      id: SAMPLE_BOT_ID,
      resource: `api://esd.example.com/${SAMPLE_BOT_ID}`,
    });
    expect(m.validDomains).toEqual(['esd.example.com']);
    const validate = validator('MicrosoftTeams.schema.json');
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('refuses a bot domain that is not a host name', () => {
    expect(() => buildAppPackage({ botId: SAMPLE_BOT_ID, botDomain: 'https://x/"' })).toThrow(
      /BOT_DOMAIN/,
    );
  });
});

describe('buildAppPackage', () => {
  it('zips exactly the five files at the root, the manifest with the bot id filled in', () => {
    const { zip, manifest } = buildAppPackage({ botId: SAMPLE_BOT_ID });
    const entries = readZip(zip);
    expect(entries.map((e) => e.name).sort()).toEqual([...PACKAGE_FILES].sort());
    for (const entry of entries) expect(entry.name).not.toMatch(/[/\\]/);

    const packaged = entries.find((e) => e.name === 'manifest.json');
    if (!packaged) throw new Error('no manifest.json in the zip');
    const text = packaged.data.toString('utf8');
    expect(text).not.toContain('${{');
    const parsed = JSON.parse(text) as Json;
    expect(parsed.id).toBe(SAMPLE_BOT_ID);
    expect(botOf(parsed).botId).toBe(SAMPLE_BOT_ID);
    expect(parsed).toEqual(manifest);
    expect(parsed).toEqual(filledManifest());

    // Everything else goes in unchanged.
    for (const entry of entries.filter((e) => e.name !== 'manifest.json')) {
      expect(entry.data.equals(readFileSync(join(MANIFEST_DIR, entry.name))), entry.name).toBe(
        true,
      );
    }
  });

  it('is reproducible: the same input gives the same bytes', () => {
    const a = buildAppPackage({ botId: SAMPLE_BOT_ID }).zip;
    const b = buildAppPackage({ botId: SAMPLE_BOT_ID }).zip;
    expect(a.equals(b)).toBe(true);
  });

  it('also writes the zip to outFile when given, creating its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-bot-package-'));
    try {
      const outFile = join(dir, 'nested', 'app.zip');
      const { zip } = buildAppPackage({ botId: SAMPLE_BOT_ID, outFile });
      expect(readFileSync(outFile).equals(zip)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bot id that is not a GUID', () => {
    expect(() => buildAppPackage({ botId: 'not-a-guid' })).toThrow(/GUID/);
    expect(() => buildAppPackage({ botId: '' })).toThrow(/GUID/);
  });
});
