/**
 * What an image's bytes are (a firm's logo). PNG and JPEG are what pdf-lib embeds in invoice
 * PDFs and every browser shows; the bytes decide, never a declared
 * Content-Type or file name (an SVG carries script, a WebP cannot be printed).
 * The size comes from the image's own header (PNG IHDR, JPEG SOF), so a file
 * whose header is corrupt is refused before it is stored.
 */

export type ImageKind = 'png' | 'jpeg';

export interface ImageFacts {
  kind: ImageKind;
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG or JPEG by the first bytes, else null. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

/** Width and height from the IHDR chunk, which must come first right after the signature. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 33 || PNG_SIGNATURE.some((byte, i) => b[i] !== byte)) return null;
  if (u32(b, 8) !== 13 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** The start-of-frame markers (baseline, progressive…); C4, C8 and CC are not frames. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG's segments to its first start-of-frame, which holds the height then the width. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or scan data before any frame
    const length = u16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) return null;
    if (SOF.has(marker)) {
      if (length < 7) return null;
      return { height: u16(b, at + 5), width: u16(b, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** Largest side we store (the table's CHECK says the same). */
export const MAX_SIDE = 10_000;

/** The image's kind and size, or null when it is not a PNG or JPEG with a sound header and a sensible size. */
export function readImage(bytes: Uint8Array): ImageFacts | null {
  const kind = sniffImage(bytes);
  if (!kind) return null;
  const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return null;
  const { width, height } = size;
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return null;
  return { kind, mediaType: kind === 'png' ? 'image/png' : 'image/jpeg', width, height };
}
