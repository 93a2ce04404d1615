// How a form shows why it was refused: each message beside the field it is
// about, the rest in the form's summary. One place for the plumbing from an
// answer's `params` (`{ path, code, message }`, path "body.<field>") to the
// form's inputs, shared by the sign-in, set-password and profile forms.
import { html, nothing } from 'lit';
import { CaseflowError } from '../../../sdk/errors.js';

/** A refused form: messages by input id, and the summary for those that match no field. */
export interface FormProblems {
  fields: Partial<Record<string, string>>;
  summary: string;
}

export const noProblems: FormProblems = { fields: {}, summary: '' };

/** One field's own problem, found in the browser before sending. */
export const fieldProblem = (id: string, message: string): FormProblems => ({ fields: { [id]: message }, summary: '' });

/**
 * Sorts a refusal onto the form. `fields` maps a body field of the API (the
 * part of a param's path after "body.") to the id of the input that shows it.
 * A message is shown as the server words it; one that matches no field, or an
 * answer without params, goes in the summary (`summary`, the widget's words
 * for the answer as a whole, unless every message found its field).
 */
export function formProblems(error: unknown, summary: string, fields: Record<string, string>): FormProblems {
  const problems: FormProblems = { fields: {}, summary: '' };
  const rest: string[] = [];
  const params = error instanceof CaseflowError && error.status === 400 ? error.params : [];
  for (const { path, message } of params) {
    const id = fields[path.replace(/^body\./, '')];
    if (id && !problems.fields[id]) problems.fields[id] = message;
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
