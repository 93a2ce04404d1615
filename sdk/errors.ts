import type { ErrorBody, ErrorParam, ErrorType } from './schemas/common.js';

type Detail = ErrorBody['error'];

/**
 * The API's error types, plus the SDK's own for a request that got no answer
 * (never on the wire, so not in the contract).
 */
export type CaseflowErrorType = ErrorType | 'connection_error';

/**
 * Base of every error the SDK throws: an answer of the API, or no answer at
 * all (ConnectionError), so one `instanceof CaseflowError` catches them all.
 */
export class CaseflowError extends Error {
  readonly status: number;
  readonly type: CaseflowErrorType;
  readonly code: string;
  readonly requestId: string | undefined;
  /** For a validation error, each offending field: `path` for code, a stable `code`, a `message` for people. */
  readonly params: ErrorParam[];
  readonly detail: Partial<Detail>;

  constructor(status: number, detail: Partial<Detail>, options?: { cause?: unknown }) {
    super(detail.message ?? `HTTP ${status}`, options);
    this.name = new.target.name;
    this.status = status;
    this.type = detail.type ?? 'api_error';
    this.code = detail.code ?? 'unknown';
    this.requestId = detail.request_id;
    this.params = detail.params ?? [];
    this.detail = detail;
  }
}

export class ValidationError extends CaseflowError {}
export class AuthenticationError extends CaseflowError {}
export class PermissionError extends CaseflowError {}
export class NotFoundError extends CaseflowError {}
export class ConflictError extends CaseflowError {}
export class PlanUpgradeRequiredError extends CaseflowError {
  get requiredPlan(): string | undefined {
    return this.detail.required_plan;
  }
}
export class RateLimitError extends CaseflowError {
  /** Seconds to wait before trying again, from the Retry-After header. */
  retryAfter: number | undefined;
}
export class ApiError extends CaseflowError {}
/** The request never got an answer (network failure, DNS, connection refused): status 0. */
export class ConnectionError extends CaseflowError {
  override readonly type = 'connection_error';

  constructor(message: string, options?: { cause?: unknown }) {
    super(0, { message, code: 'connection_error' }, options);
    this.name = 'ConnectionError';
  }
}

const byType: Record<ErrorType, new (status: number, detail: Partial<Detail>) => CaseflowError> = {
  invalid_request: ValidationError,
  authentication_error: AuthenticationError,
  permission_error: PermissionError,
  not_found: NotFoundError,
  conflict: ConflictError,
  plan_upgrade_required: PlanUpgradeRequiredError,
  rate_limited: RateLimitError,
  api_error: ApiError,
};

const byStatus: Record<number, ErrorType> = {
  400: 'invalid_request',
  401: 'authentication_error',
  402: 'plan_upgrade_required',
  403: 'permission_error',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

/** Picks the error class from the answer's `error.type`, else from its status. */
export function errorFromResponse(status: number, body: unknown, retryAfter?: string | null): CaseflowError {
  const detail = (body as { error?: Partial<Detail> } | undefined)?.error ?? {};
  const type = detail.type && detail.type in byType ? detail.type : (byStatus[status] ?? 'api_error');
  const error = new byType[type](status, { ...detail, type });
  if (error instanceof RateLimitError && retryAfter && /^\d+$/.test(retryAfter)) error.retryAfter = Number(retryAfter);
  return error;
}
