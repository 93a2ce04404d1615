import { CaseflowError, ConnectionError } from '../../../sdk/errors.js';
import { msg } from './localize.js';

/** What a widget shows and reports (in `caseflow-error`) for a failed call. */
export interface ErrorDetail {
  /** The API's error code, or `connection_error` / `unknown` for failures without an answer. */
  code: string;
  /** A sentence for the person in front of the screen. */
  message: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** Whether trying again can help: no answer, a busy or failing server. Never for "not found" or a refusal. */
  retryable: boolean;
}

/** Statuses a second attempt may cure: a timeout, a rate limit, the server's own failures. */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * Turns whatever a call threw into an ErrorDetail. `overrides` replaces the
 * server's message for given HTTP statuses, where a widget knows better words.
 */
export function describeError(error: unknown, overrides: Partial<Record<number, string>> = {}): ErrorDetail {
  // First: a ConnectionError is a CaseflowError too, but has no answer to show.
  if (error instanceof ConnectionError) {
    return {
      code: 'connection_error',
      message: msg('Could not reach the server. Check your connection and try again.'),
      retryable: true,
    };
  }
  if (error instanceof CaseflowError) {
    return {
      code: error.code,
      status: error.status,
      message: overrides[error.status] ?? error.message,
      retryable: retryableStatus(error.status),
    };
  }
  return { code: 'unknown', message: msg('Something went wrong. Please try again.'), retryable: true };
}
