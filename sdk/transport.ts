import { ConnectionError, errorFromResponse } from './errors.js';

export interface ClientOptions {
  /** Origin of the API, e.g. https://acme.caseflow.law or http://localhost:4000. */
  baseUrl: string;
  /** Firm slug, sent as the Caseflow-Tenant header (needed on the bare API host). */
  tenant?: string;
  /** Bearer token of a session or API key. */
  token?: string;
  /** Browser only: send the hosted portal's cookie ('include') instead of a token. */
  credentials?: RequestCredentials;
  /** How many times a GET or idempotency-keyed request is retried (default 2). */
  maxRetries?: number;
  fetch?: typeof fetch;
}

/** The bytes of an upload (a logo…) and their media type, sent as the request's body as they are. */
export interface UploadBody {
  bytes: Uint8Array | ArrayBuffer | Blob;
  /** Sent as Content-Type, e.g. image/png. */
  type: string;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** An upload endpoint's bytes, sent instead of a JSON body. */
  upload?: UploadBody;
  /** Sent as the Idempotency-Key header, the same on every retry. */
  idempotencyKey?: string;
  /**
   * An endpoint flagged idempotent in the contract: without `idempotencyKey`
   * a random key is made for this call (and reused on its retries), so it may be retried.
   */
  idempotent?: boolean;
  headers?: Record<string, string>;
  /** Resolve with the answer's bytes (an ArrayBuffer: a PDF…) instead of parsed JSON; errors stay JSON. */
  binary?: boolean;
}

/** What a caller may pass to a method that creates or moves money. */
export interface IdempotentOptions {
  /** Your own key (e.g. derived from your system's record), to make retries across processes safe. */
  idempotencyKey?: string;
}

const retriableStatus = new Set([429, 502, 503, 504]);

/**
 * Escapes one path parameter. "." and ".." are refused: URL parsing resolves
 * them as path steps even percent-encoded (%2E%2E), so the call would reach
 * another endpoint; no id or slug is ever one.
 */
export function seg(value: string): string {
  if (value === '.' || value === '..') throw new TypeError(`"${value}" cannot be a path parameter`);
  return encodeURIComponent(value);
}

function retryDelayMs(attempt: number, retryAfter: string | null): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 60) * 1000;
  return Math.min(500 * 2 ** attempt, 8000);
}

export class Transport {
  private token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.token = options.token;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  setToken(token: string | undefined): void {
    this.token = token;
  }

  getToken(): string | undefined {
    return this.token;
  }

  url(path: string, query?: RequestOptions['query']): string {
    const url = new URL(`/api/v1${path}`, this.options.baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async request<T>(req: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.upload) headers['content-type'] = req.upload.type;
    else if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.options.tenant) headers['caseflow-tenant'] = this.options.tenant;
    // One key per call, made before the first attempt: every retry carries the same one.
    const idempotencyKey = req.idempotencyKey ?? (req.idempotent ? globalThis.crypto.randomUUID() : undefined);
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    // The portal's CSRF defence for cookie sessions: a header no HTML form can send.
    if (req.method !== 'GET') headers['caseflow-csrf'] = '1';
    const retriable = req.method === 'GET' || idempotencyKey !== undefined;
    const maxRetries = retriable ? (this.options.maxRetries ?? 2) : 0;
    const url = this.url(req.path, req.query);

    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method: req.method,
          headers,
          body: req.upload
            ? (req.upload.bytes as BodyInit)
            : req.body === undefined
              ? undefined
              : JSON.stringify(req.body),
          ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
        });
      } catch (cause) {
        if (attempt < maxRetries) {
          await new Promise((r) => setTimeout(r, retryDelayMs(attempt, null)));
          continue;
        }
        throw new ConnectionError(`could not reach ${new URL(url).origin}`, { cause });
      }
      if (retriableStatus.has(response.status) && attempt < maxRetries) {
        await response.body?.cancel();
        await new Promise((r) => setTimeout(r, retryDelayMs(attempt, response.headers.get('retry-after'))));
        continue;
      }
      if (response.status === 204) return undefined as T;
      if (req.binary && response.ok) return (await response.arrayBuffer()) as T;
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (!response.ok) throw errorFromResponse(response.status, body, response.headers.get('retry-after'));
      return body as T;
    }
  }
}
