// How a form shows why it was refused: each message beside the field it is
// about, the rest in the form's summary. One place for the plumbing from an
// answer's `params` (`{ path, code, message }`, path "body.<field>") to the
// form's inputs, shared by the sign-in, set-password and profile forms.
import { html, nothing } from 'lit';
import { CaseflowError } from '../../../sdk/errors.js';
import type { ErrorParam } from '../../../sdk/schemas/common.js';
import { msg } from '../base/localize.js';
import { passwordMessages } from './passwords.js';
import { pageIsEnglish } from './server-words.js';

/** A refused form: messages by input id, and the summary for those that match no field. */
export interface FormProblems {
  fields: Partial<Record<string, string>>;
  summary: string;
}

export const noProblems: FormProblems = { fields: {}, summary: '' };

/** One field's own problem, found in the browser before sending. */
export const fieldProblem = (id: string, message: string): FormProblems => ({ fields: { [id]: message }, summary: '' });

/** An input that shows the API's messages about one body field: its id, and its label as the form shows it. */
export interface FieldSpec {
  id: string;
  label: string;
}

/**
 * The sentence a person reads about one refused field. The server words its
 * params in English, and its words (which may quote a limit) are shown as they
 * are on an English page; in any other language the sentence is chosen by the
 * param's `code`, naming the field by the label the widget shows. A code with
 * no sentence here keeps the server's words.
 */
export function paramMessage(param: ErrorParam, label: string | undefined): string {
  if (pageIsEnglish()) return param.message;
  const field = param.path.split('.').pop();
  switch (param.code) {
    case 'password_common':
      return msg('This password is one of the most common passwords; choose another.');
    case 'password_too_short':
      return passwordMessages.tooShort;
    case 'password_too_long':
      return passwordMessages.tooLong;
    case 'invalid_format':
      if (field === 'email') return msg('Enter an email address such as name@example.com.');
  }
  if (label === undefined) return param.message;
  switch (param.code) {
    case 'required':
      return msg('{field} is required.', { field: label });
    case 'too_short':
      return msg('{field} is too short.', { field: label });
    case 'too_long':
      return msg('{field} is too long.', { field: label });
    case 'invalid_format':
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid':
      return msg('{field} is not valid.', { field: label });
    case 'incorrect':
      return msg('{field} is incorrect.', { field: label });
    default:
      return param.message;
  }
}

/**
 * Sorts a refusal onto the form. `fields` maps a body field of the API (the
 * part of a param's path after "body.") to the input that shows it. A message
 * is shown in the reader's language (paramMessage); one that matches no field,
 * or an answer without params, goes in the summary (`summary`, the widget's
 * words for the answer as a whole, unless every message found its field).
 */
export function formProblems(error: unknown, summary: string, fields: Record<string, FieldSpec>): FormProblems {
  const problems: FormProblems = { fields: {}, summary: '' };
  const rest: string[] = [];
  const params = error instanceof CaseflowError && error.status === 400 ? error.params : [];
  for (const param of params) {
    const key = param.path.replace(/^body\./, '');
    const spec = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const message = paramMessage(param, spec?.label);
    if (spec && !problems.fields[spec.id]) problems.fields[spec.id] = message;
    else rest.push(message);
  }
  problems.summary = rest.length ? rest.join(' ') : Object.keys(problems.fields).length ? '' : summary;
  return problems;
}

/** The first input, in the form's order, that has a message: where fixing starts. */
export const firstInvalid = (problems: FormProblems, order: readonly string[]) =>
  order.find((id) => problems.fields[id]);

/** An input's accessible attributes: invalid or not, and what describes it (its hint, its message). */
export function fieldState(problems: FormProblems, id: string, hint?: string) {
  const message = problems.fields[id];
  return {
    invalid: message ? 'true' : 'false',
    describedBy: [hint, message ? `${id}-error` : '', 'error'].filter(Boolean).join(' '),
  };
}

/** The message beside a field (read with the field, through its `aria-describedby`). */
export function fieldMessage(problems: FormProblems, id: string) {
  const message = problems.fields[id];
  return message ? html`<p part="field-error" id="${id}-error" class="error">${message}</p>` : nothing;
}
