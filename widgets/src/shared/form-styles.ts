import { css } from 'lit';

/**
 * The look of the widgets' forms (sign-in, set and change password): labelled
 * fields stacked one under the other, inputs that show `aria-invalid`,
 * link-like buttons, and live regions that stay in the layout when empty
 * (never `display: none`, so screen readers already track them when their
 * first message arrives) but take no room until then: spacing is a margin
 * above each non-empty block rather than a gap, which empty rows would keep.
 * Colours come from the `--caseflow-*` tokens only; links, focus rings and
 * errors from the base styles.
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
    margin-block-start: var(--caseflow-space);
  }
  form > button,
  .stack > button {
    display: block;
  }
  .field {
    display: grid;
    gap: var(--caseflow-space-xs);
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    color: var(--caseflow-color-text);
    padding-block: var(--caseflow-space-sm);
    padding-inline: 0.75em;
    border: 1px solid var(--caseflow-color-border);
    border-radius: var(--caseflow-radius);
    background: var(--caseflow-color-surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--caseflow-color-danger);
  }
  .hint,
  .message,
  .field > .error {
    margin: 0;
    color: var(--caseflow-color-muted);
  }
  button.link {
    padding: 0;
    border: none;
    background: none;
    color: var(--caseflow-color-link);
    text-decoration: underline;
  }
  button.link:hover:not(:disabled) {
    background: none;
  }
  code {
    font-family: ui-monospace, monospace;
  }
`;
