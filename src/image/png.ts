/**
 * PNG from the user (a theme's logo; later, issue 16's images), checked and made
 * deterministic to embed: pdfkit decodes a PNG with an alpha channel asynchronously, and the
 * output bytes then vary from build to build. We decode it here (within size limits), lay any
 * transparency over white and hand pdfkit an opaque RGB PNG.
 */
import { PNG } from 'pngjs';

/** Limits on a PNG we decode. */
export interface PngLimits {
  readonly maxBytes: number;
  /** Width and height (px) each, and their product. */
  readonly maxSide: number;
  readonly maxPixels: number;
}

export const PNG_LIMITS: PngLimits = { maxBytes: 8 * 1024 * 1024, maxSide: 8000, maxPixels: 16_000_000 };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An opaque PNG ready to embed, and its size (px). */
export interface SafePng {
  readonly kind: 'png';
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
}

export type PngResult = { readonly ok: true; readonly png: SafePng } | { readonly ok: false; readonly reason: string };

/**
 * Checks the signature and the header's size before decoding anything (a small file can
 * claim a huge image), decodes, and re-encodes opaque. Never throws.
 */
export function preparePng(bytes: Buffer, limits: PngLimits = PNG_LIMITS): PngResult {
  if (bytes.length > limits.maxBytes) return { ok: false, reason: `the PNG is ${bytes.length} bytes; at most ${limits.maxBytes} are read` };
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') {
    return { ok: false, reason: 'not a PNG file (its first bytes are not the PNG signature and header)' };
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    return { ok: false, reason: `the PNG is ${width} x ${height} px; at most ${limits.maxSide} px a side and ${limits.maxPixels} pixels` };
  }
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(bytes);
  } catch (e) {
    return { ok: false, reason: `the PNG cannot be decoded (${e instanceof Error ? e.message : String(e)})` };
  }
  const out = new PNG({ width, height, colorType: 2, inputHasAlpha: true });
  const d = decoded.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = (d[i + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++) out.data[i + c] = Math.round((d[i + c] ?? 0) * a + 255 * (1 - a));
    out.data[i + 3] = 255;
  }
  return { ok: true, png: { kind: 'png', bytes: PNG.sync.write(out, { colorType: 2, inputHasAlpha: true }), width, height } };
}
