// Reciprocal's icon, drawn in code so every size comes from one design: two
// arrows passing each other (each person teaches and learns), white on the
// brand colour, or white on transparent for Teams' outline icon.
import { PNG } from 'pngjs';

export const brandColour = { r: 0x4f, g: 0x52, b: 0xb2 } as const;

export type IconVariant = 'color' | 'outline' | 'ribbon';

/** The files the package and the task pane need, by path relative to the repository root. */
export const iconFiles: ReadonlyArray<{ path: string; size: number; variant: IconVariant }> = [
  { path: 'appPackage/color.png', size: 192, variant: 'color' },
  { path: 'appPackage/outline.png', size: 32, variant: 'outline' },
  { path: 'public/icons/reciprocal-16.png', size: 16, variant: 'ribbon' },
  { path: 'public/icons/reciprocal-32.png', size: 32, variant: 'ribbon' },
  { path: 'public/icons/reciprocal-64.png', size: 64, variant: 'ribbon' },
  { path: 'public/icons/reciprocal-80.png', size: 80, variant: 'ribbon' },
];

type Point = readonly [number, number];

function insideTriangle(x: number, y: number, [a, b, c]: readonly [Point, Point, Point]): boolean {
  const side = (p: Point, q: Point) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** Is the point (unit square, y down) on one of the two arrows? */
function onArrows(x: number, y: number): boolean {
  // Upper arrow points right, lower arrow points left.
  const upperShaft = x >= 0.2 && x <= 0.66 && y >= 0.33 && y <= 0.43;
  const upperHead = insideTriangle(x, y, [
    [0.62, 0.22],
    [0.84, 0.38],
    [0.62, 0.54],
  ]);
  const lowerShaft = x >= 0.34 && x <= 0.8 && y >= 0.57 && y <= 0.67;
  const lowerHead = insideTriangle(x, y, [
    [0.38, 0.46],
    [0.16, 0.62],
    [0.38, 0.78],
  ]);
  return upperShaft || upperHead || lowerShaft || lowerHead;
}

/** Inside a rounded square filling the icon (ribbon icons), or the whole square (Teams colour icon, which Teams rounds itself). */
function onBackground(x: number, y: number, variant: IconVariant): boolean {
  if (variant === 'outline') return false;
  if (variant === 'color') return true;
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A PNG of the icon at `size` pixels, anti-aliased by 4×4 supersampling. Deterministic. */
export function drawIcon(size: number, variant: IconVariant): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let arrow = 0;
      let background = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (onArrows(x, y)) arrow++;
          else if (onBackground(x, y, variant)) background++;
        }
      }
      const total = samples * samples;
      const i = (py * size + px) * 4;
      const covered = arrow + background;
      // White where the arrows are, brand colour behind them, mixed at the edges.
      const mix = covered === 0 ? 0 : arrow / covered;
      png.data[i] = Math.round(255 * mix + brandColour.r * (1 - mix));
      png.data[i + 1] = Math.round(255 * mix + brandColour.g * (1 - mix));
      png.data[i + 2] = Math.round(255 * mix + brandColour.b * (1 - mix));
      png.data[i + 3] = Math.round((255 * covered) / total);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

export interface PngHeader {
  width: number;
  height: number;
  /** PNG colour type: 6 is RGBA, 4 grey + alpha, 3 palette (alpha only via tRNS). */
  colorType: number;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and colour type from a PNG's IHDR chunk; null if it is not a PNG. */
export function readPngHeader(bytes: Buffer): PngHeader | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(pngSignature) || bytes.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25]! };
}
