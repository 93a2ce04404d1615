import type { ErrorParam, ErrorType, ParamCode } from '../sdk/schemas/common.js';

/**
 * The one error hierarchy of the server. Domain code throws these; the error
 * middleware (http/errors.ts) is the only place that turns them into HTTP.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly extra: { params?: ErrorParam[]; required_plan?: string } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A refused field as domain code names it: a rule without a code of the list is `invalid`. */
export interface FieldProblem {
  path: string;
  message: string;
  code?: ParamCode;
}

/**
 * A 400 naming each offending field. The message and each param's message are
 * sentences for people (no field path, no schema word): the param's path is for code.
 */
export class ValidationError extends AppError {
  constructor(message: string, params: FieldProblem[] = [], code = 'validation_failed') {
    super(400, 'invalid_request', code, message, {
      params: params.map((p) => ({ path: p.path, code: p.code ?? 'invalid', message: p.message })),
    });
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string) {
    super(400, 'invalid_request', code, message);
  }
}

export class AuthenticationError extends AppError {
  constructor(code = 'authentication_required', message = 'Log in to continue.') {
    super(401, 'authentication_error', code, message);
  }
}

export class PermissionError extends AppError {
  constructor(code: string, message: string) {
    super(403, 'permission_error', code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'resource_missing', message = 'No such resource.') {
    super(404, 'not_found', code, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(409, 'conflict', code, message);
  }
}

export class PlanUpgradeRequiredError extends AppError {
  constructor(requiredPlan: string) {
    super(
      402,
      'plan_upgrade_required',
      'plan_upgrade_required',
      `This feature needs the ${requiredPlan} plan or above.`,
      {
        required_plan: requiredPlan,
      },
    );
  }
}

export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', 'too_many_attempts', message);
  }
}

export class TenantNotFoundError extends NotFoundError {
  constructor() {
    super('tenant_not_found', 'No firm is served at this address.');
  }
}
