import { CaseflowError, ConnectionError } from '../../../sdk/errors.js';

/** What a widget shows and reports (in `caseflow-error`) for a failed call. */
export interface ErrorDetail {
  /** The API's error code, or `connection_error` / `unknown` for failures without an answer. */
  code: string;
  /** A sentence for the person in front of the screen. */
  message: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
}

const messages = {
  connection: 'Could not reach the server. Check your connection and try again.',
  unknown: 'Something went wrong. Please try again.',
};

/**
 * Turns whatever a call threw into an ErrorDetail. `overrides` replaces the
 * server's message for given HTTP statuses, where a widget knows better words.
 */
export function describeError(error: unknown, overrides: Partial<Record<number, string>> = {}): ErrorDetail {
  // First: a ConnectionError is a CaseflowError too, but has no answer to show.
  if (error instanceof ConnectionError) return { code: 'connection_error', message: messages.connection };
  if (error instanceof CaseflowError) {
    return { code: error.code, status: error.status, message: overrides[error.status] ?? error.message };
  }
  return { code: 'unknown', message: messages.unknown };
}
