/**
 * The firm's logo for invoice PDFs, fetched from its `logo_url` (or decoded
 * from a data: URL). A logo is decoration: a slow, missing, huge or unreadable
 * one is skipped silently and the PDF goes out without it. Answers are cached
 * per URL for a while, so a slow logo host costs one timeout, not one per PDF.
 * It is fetched with no transaction open (no pooled connection waits on the
 * network): the PDF endpoint reads its facts in a short transaction, then
 * fetches the logo, then renders.
 */

export interface LogoImage {
  type: 'png' | 'jpeg';
  bytes: Uint8Array;
}

export interface LogoOptions {
  /** Give up on the logo host after this long (ms). */
  timeoutMs?: number;
  /** Larger images are skipped (bytes). */
  maxBytes?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 1500;
const DEFAULT_MAX_BYTES = 512 * 1024;
const HIT_TTL_MS = 10 * 60_000;
const MISS_TTL_MS = 60_000;
const MAX_ENTRIES = 200;

const cache = new Map<string, { expires: number; logo: Promise<LogoImage | null> }>();

/** PNG and JPEG are what pdf-lib embeds; the bytes decide, not a server's Content-Type. */
export function sniffImage(bytes: Uint8Array): LogoImage['type'] | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function fromDataUrl(url: string, maxBytes: number): Uint8Array | null {
  const match = /^data:image\/(?:png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url);
  if (!match || (match[1]!.length * 3) / 4 > maxBytes + 3) return null;
  return new Uint8Array(Buffer.from(match[1]!, 'base64'));
}

/** Reads at most `maxBytes` of the body; null when it is longer. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes || !response.body) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function fetchLogo(url: string, options: Required<LogoOptions>): Promise<LogoImage | null> {
  try {
    let bytes: Uint8Array | null;
    if (url.startsWith('data:')) {
      bytes = fromDataUrl(url, options.maxBytes);
    } else if (/^https?:\/\//i.test(url)) {
      const response = await options.fetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'image/png, image/jpeg' },
      });
      if (!response.ok) {
        await response.body?.cancel();
        return null;
      }
      bytes = await readCapped(response, options.maxBytes);
    } else {
      return null;
    }
    if (!bytes || bytes.length > options.maxBytes) return null;
    const type = sniffImage(bytes);
    return type ? { type, bytes } : null;
  } catch {
    return null; // timeout, DNS, TLS, reset: no logo this time
  }
}

/** The logo at `url`, or null when it cannot be had quickly (never throws). */
export function loadLogo(url: string, options: LogoOptions = {}): Promise<LogoImage | null> {
  const now = Date.now();
  const cached = cache.get(url);
  if (cached && cached.expires > now) return cached.logo;
  const logo = fetchLogo(url, {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fetch: options.fetch ?? globalThis.fetch,
  });
  const entry = { expires: now + HIT_TTL_MS, logo };
  void logo.then((image) => {
    if (!image) entry.expires = Date.now() + MISS_TTL_MS;
  });
  cache.delete(url);
  cache.set(url, entry);
  // Maps iterate in insertion order: the first key is the oldest.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return logo;
}

/** For tests: forget every cached logo. */
export function clearLogoCache(): void {
  cache.clear();
}
