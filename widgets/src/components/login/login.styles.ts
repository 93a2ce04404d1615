import { css } from 'lit';
import { baseStyles } from '../../shared/styles.js';

export const loginStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      max-inline-size: var(--caseflow-login-max-width, 24rem);
    }
    form {
      display: grid;
      gap: var(--caseflow-space, 1rem);
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    label {
      font-weight: 600;
    }
    input {
      font: inherit;
      color: inherit;
      padding-block: 0.5em;
      padding-inline: 0.75em;
      border: 1px solid var(--caseflow-color-border, #d1d5db);
      border-radius: var(--caseflow-radius, 6px);
      background: var(--caseflow-color-surface, #ffffff);
    }
    input[aria-invalid='true'] {
      border-color: var(--caseflow-color-danger, #b91c1c);
    }
    /* Kept in the layout when empty (not display: none) so screen readers
       track the live region before its first message. */
    .error:empty {
      margin: 0;
    }
    button {
      justify-self: start;
    }
  `,
];
