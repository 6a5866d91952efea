/**
 * Draws the two Teams app icons into manifest/ with no dependency (node:zlib only):
 *
 * - color.png   192×192: a white calendar on a solid accent-coloured square, with the start date
 *               picked out in amber;
 * - outline.png  32×32: the same calendar in white on a transparent background (Teams rule).
 *
 * The calendar is designed on a 28-unit grid with integer edges, so at 32×32 (1 px per unit)
 * and 192×192 (4 px per unit) the straight edges fall on whole pixels and stay crisp; only the
 * rounded corners are anti-aliased (4×4 supersampling per pixel).
 *
 * Run: npx tsx scripts/make-icons.ts  (the generated PNGs are kept in the repository).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

/** Keep in step with `accentColor` in manifest/manifest.json. */
const ACCENT: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const AMBER: Rgb = [0xff, 0xb9, 0x00];

const GRID = 28;
const SUPERSAMPLE = 4;

/** What the glyph holds at a point of the 28-unit grid. */
type Ink = 'none' | 'glyph' | 'startDate';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

function inRoundedBox(x: number, y: number, b: Box): boolean {
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  // Distance to the nearest corner centre decides only inside the corner squares.
  const cx = Math.min(Math.max(x, b.x0 + b.r), b.x1 - b.r);
  const cy = Math.min(Math.max(y, b.y0 + b.r), b.y1 - b.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= b.r ** 2;
}

/** The binder rings that stick out of the top of the calendar. */
const RINGS: readonly Box[] = [
  { x0: 7, y0: 1, x1: 10, y1: 8, r: 1.5 },
  { x0: 18, y0: 1, x1: 21, y1: 8, r: 1.5 },
];
/** The page: a 2-unit frame with a solid header band. */
const PAGE_OUTER: Box = { x0: 1, y0: 4, x1: 27, y1: 27, r: 3 };
const PAGE_INNER: Box = { x0: 3, y0: 11, x1: 25, y1: 25, r: 1 };
/** Day cells: 3 columns × 2 rows of 4×4 units; the last one is the start date. */
const CELL_COLUMNS = [6, 12, 18];
const CELL_ROWS = [13, 19];
const CELL_SIZE = 4;

function inkAt(x: number, y: number): Ink {
  for (const ring of RINGS) if (inRoundedBox(x, y, ring)) return 'glyph';
  // A one-unit clear gap around each ring, so the rings read apart from the header band.
  for (const ring of RINGS) {
    const halo = { x0: ring.x0 - 1, y0: ring.y0 - 1, x1: ring.x1 + 1, y1: ring.y1 + 1, r: 2.5 };
    if (inRoundedBox(x, y, halo)) return 'none';
  }
  if (inRoundedBox(x, y, PAGE_OUTER) && !inRoundedBox(x, y, PAGE_INNER)) return 'glyph';
  for (const [row, top] of CELL_ROWS.entries()) {
    for (const [column, left] of CELL_COLUMNS.entries()) {
      if (x >= left && x <= left + CELL_SIZE && y >= top && y <= top + CELL_SIZE) {
        const last = row === CELL_ROWS.length - 1 && column === CELL_COLUMNS.length - 1;
        return last ? 'startDate' : 'glyph';
      }
    }
  }
  return 'none';
}

interface IconSpec {
  size: number;
  /** Pixels per grid unit and where the glyph's top-left corner lands. */
  scale: number;
  offset: number;
  /** Solid background, or undefined for a transparent one. */
  background: Rgb | undefined;
  colours: Record<Exclude<Ink, 'none'>, Rgb>;
}

/** Renders the glyph into straight (non-premultiplied) RGBA. */
function render(spec: IconSpec): Buffer {
  const { size, scale, offset } = spec;
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const gx = (px + (sx + 0.5) / SUPERSAMPLE - offset) / scale;
          const gy = (py + (sy + 0.5) / SUPERSAMPLE - offset) / scale;
          const ink = gx < 0 || gy < 0 || gx > GRID || gy > GRID ? 'none' : inkAt(gx, gy);
          const colour = ink === 'none' ? spec.background : spec.colours[ink];
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent black
      rgba[i] = Math.round(r / covered);
      rgba[i + 1] = Math.round(g / covered);
      rgba[i + 2] = Math.round(b / covered);
      rgba[i + 3] = Math.round((covered / samples) * 255);
    }
  }
  return rgba;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA (colour type 6), filter 0 on every row. */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS: Record<string, IconSpec> = {
  'color.png': {
    size: 192,
    scale: 4,
    offset: (192 - GRID * 4) / 2,
    background: ACCENT,
    colours: { glyph: WHITE, startDate: AMBER },
  },
  'outline.png': {
    size: 32,
    scale: 1,
    offset: (32 - GRID) / 2,
    background: undefined,
    colours: { glyph: WHITE, startDate: WHITE },
  },
};

function main(): void {
  const manifestDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest');
  for (const [name, spec] of Object.entries(ICONS)) {
    const file = join(manifestDir, name);
    writeFileSync(file, encodePng(spec.size, spec.size, render(spec)));
    console.log(`wrote ${file} (${spec.size}×${spec.size})`);
  }
}

main();
