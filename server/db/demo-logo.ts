import { deflateSync } from 'node:zlib';

/**
 * The demo firms' logos, drawn at seed time (no binary blob in the repository):
 * a disc in the firm's colour with its initials in white, smoothed at the edges,
 * written as a PNG with node:zlib.
 */

/** 5×7 capitals, one string per row ('#' = ink): enough for the demo's initials. */
const GLYPHS: Record<string, string[]> = {
  A: [' ### ', '#   #', '#   #', '#####', '#   #', '#   #', '#   #'],
  B: ['#### ', '#   #', '#   #', '#### ', '#   #', '#   #', '#### '],
  L: ['#    ', '#    ', '#    ', '#    ', '#    ', '#    ', '#####'],
  C: [' ####', '#    ', '#    ', '#    ', '#    ', '#    ', ' ####'],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA image as PNG bytes (8 bits per channel, no filtering). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A monogram logo: a disc of `color` (#rrggbb) with up to three initials in white, `size` pixels square. */
export function monogramPng(initials: string, color: string, size = 128): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  const letters = [...initials.toUpperCase()].slice(0, 3).map((c) => GLYPHS[c] ?? GLYPHS.C!);
  const scale = Math.floor((size * 0.55) / (letters.length * 6));
  const textWidth = (letters.length * 6 - 1) * scale;
  const left = Math.round((size - textWidth) / 2);
  const top = Math.round((size - 7 * scale) / 2);
  const ink = (x: number, y: number) => {
    const col = Math.floor((x - left) / scale);
    const row = Math.floor((y - top) / scale);
    if (row < 0 || row > 6 || col < 0) return false;
    const glyph = letters[Math.floor(col / 6)];
    return glyph?.[row]?.[col % 6] === '#';
  };
  const rgba = new Uint8Array(size * size * 4);
  const radius = size / 2 - 1;
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (Math.hypot(px - size / 2, py - size / 2) <= radius) {
            inside++;
            if (ink(px, py)) white++;
          }
        }
      }
      const total = samples * samples;
      const cover = inside / total;
      const w = inside ? white / inside : 0;
      const at = (y * size + x) * 4;
      rgba[at] = Math.round(r + (255 - r) * w);
      rgba[at + 1] = Math.round(g + (255 - g) * w);
      rgba[at + 2] = Math.round(b + (255 - b) * w);
      rgba[at + 3] = Math.round(255 * cover);
    }
  }
  return encodePng(size, size, rgba);
}
