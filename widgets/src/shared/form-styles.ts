import { css } from 'lit';

/**
 * The look of the widgets' forms (sign-in, set and change password): labelled
 * fields stacked one under the other, inputs that show `aria-invalid`,
 * link-like buttons, and live regions that stay in the layout when empty
 * (never `display: none`, so screen readers already track them when their
 * first message arrives) but take no room until then: spacing is a margin
 * above each non-empty block rather than a gap, which empty rows would keep.
 */
export const formStyles = css`
  form,
  .stack {
    display: flow-root;
  }
  form > *,
  .stack > * {
    margin-block: 0;
  }
  form > * + *:not(:empty),
  .stack > * + *:not(:empty) {
    margin-block-start: var(--caseflow-space, 1rem);
  }
  form > button,
  .stack > button {
    display: block;
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
  .hint,
  .message {
    margin: 0;
    color: var(--caseflow-color-muted, #4b5563);
  }
  button.link {
    padding: 0;
    border: none;
    background: none;
    color: var(--caseflow-color-primary, #1d4ed8);
    text-decoration: underline;
  }
  a {
    color: var(--caseflow-color-primary, #1d4ed8);
  }
  a:focus-visible {
    outline: 2px solid var(--caseflow-color-focus, var(--caseflow-color-primary, #1d4ed8));
    outline-offset: 2px;
  }
  code {
    font-family: ui-monospace, monospace;
  }
`;
