/**
 * WOFF 1.0 → a plain TrueType font, so fontkit parses it once and pdf-lib can
 * subset it. @fontsource ships WOFF and WOFF2: fontkit's subsetter throws on
 * its WOFF2 glyph data, and on a WOFF it inflates the whole glyf table again
 * for every glyph it reads. Unpacked once per process, neither happens.
 *
 * The glyphs are also padded to an even length (with a long loca): fontkit's
 * subsetter concatenates glyphs as they are and writes a short loca, whose
 * offsets are halved, so one odd-length glyph (Noto Sans Arabic has hundreds)
 * shifts every glyph after it and they render as nothing.
 */
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // 'wOFF'

/** The tables of a WOFF file, inflated, by tag. */
function woffTables(woff: Uint8Array): { flavor: number; tables: Map<string, Uint8Array> } {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== WOFF) throw new Error('not a WOFF 1.0 font');
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(12); i++) {
    const entry = 44 + i * 20;
    const tag = String.fromCharCode(...woff.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 4);
    const compressed = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const raw = woff.subarray(offset, offset + compressed);
    // Copies either way (a Buffer's slice() would share its memory).
    tables.set(tag, new Uint8Array(compressed < length ? inflateSync(raw) : raw));
  }
  return { flavor: view.getUint32(4), tables };
}

const padded = (length: number) => (length + 3) & ~3;

/** Rewrites glyf and loca with every glyph padded to a multiple of four bytes, and head to say loca is long. */
function padGlyphs(tables: Map<string, Uint8Array>): void {
  const head = tables.get('head');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !loca || !glyf) return; // not a TrueType-outline font: nothing to pad
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const long = headView.getInt16(50) === 1;
  const count = loca.byteLength / (long ? 4 : 2); // glyphs + 1
  const offset = (i: number) => (long ? locaView.getUint32(i * 4) : locaView.getUint16(i * 2) * 2);
  let total = 0;
  for (let i = 0; i < count - 1; i++) total += padded(offset(i + 1) - offset(i));
  const newGlyf = new Uint8Array(total);
  const newLoca = new Uint8Array(count * 4);
  const newLocaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let i = 0; i < count - 1; i++) {
    newLocaView.setUint32(i * 4, at);
    newGlyf.set(glyf.subarray(offset(i), offset(i + 1)), at);
    at += padded(offset(i + 1) - offset(i));
  }
  newLocaView.setUint32((count - 1) * 4, at);
  const newHead = new Uint8Array(head);
  new DataView(newHead.buffer).setInt16(50, 1); // indexToLocFormat: long
  tables.set('glyf', newGlyf);
  tables.set('loca', newLoca);
  tables.set('head', newHead);
}

function checksum(data: Uint8Array): number {
  const bytes = new Uint8Array(padded(data.byteLength));
  bytes.set(data);
  const view = new DataView(bytes.buffer);
  let sum = 0;
  for (let i = 0; i < bytes.byteLength; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The TrueType (sfnt) bytes of a WOFF 1.0 font, glyphs padded (see the header). */
export function woffToTrueType(woff: Uint8Array): Uint8Array {
  const { flavor, tables } = woffTables(woff);
  padGlyphs(tables);
  const tags = [...tables.keys()].sort(); // the table directory is sorted by tag
  const directory = 12 + 16 * tags.length;
  const size = tags.reduce((sum, tag) => sum + padded(tables.get(tag)!.byteLength), directory);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const selector = Math.floor(Math.log2(tags.length));
  const range = 2 ** selector * 16;
  view.setUint32(0, flavor);
  view.setUint16(4, tags.length);
  view.setUint16(6, range);
  view.setUint16(8, selector);
  view.setUint16(10, tags.length * 16 - range);
  let at = directory;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const entry = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checksum(data));
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, data.byteLength);
    out.set(data, at);
    at += padded(data.byteLength);
  });
  return out;
}
