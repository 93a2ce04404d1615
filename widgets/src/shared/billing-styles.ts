import { css } from 'lit';

/**
 * Tables, status badges, notices and links shared by the billing widgets
 * (invoice list, invoice, payment history). Logical properties only, so
 * `dir="rtl"` mirrors them; amounts line up on the end edge.
 */
export const billingStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--caseflow-space, 1rem);
    justify-items: start;
  }
  /* Narrow screens scroll a table sideways instead of squeezing it. */
  .scroller {
    inline-size: 100%;
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    background: var(--caseflow-color-surface, #ffffff);
  }
  caption {
    caption-side: top;
    text-align: start;
  }
  th,
  td {
    padding-block: 0.5em;
    padding-inline: 0.75em;
    text-align: start;
    border-block-end: 1px solid var(--caseflow-color-border, #d1d5db);
    vertical-align: middle;
  }
  thead th {
    font-weight: 600;
    color: var(--caseflow-color-muted, #4b5563);
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  .amount {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .date {
    white-space: nowrap;
  }
  /* "— by {admin}, previewing" beside a payment's method; wraps between words in a narrow cell. */
  .previewed {
    color: var(--caseflow-color-muted, #4b5563);
    font-size: 0.875em;
  }
  .actions {
    white-space: nowrap;
  }
  .actions > * + * {
    margin-inline-start: 0.5em;
  }
  .badge {
    --tone: var(--caseflow-color-muted, #4b5563);
    display: inline-block;
    padding-block: 0.125em;
    padding-inline: 0.6em;
    border: 1px solid color-mix(in srgb, var(--tone) 45%, transparent);
    border-radius: var(--caseflow-badge-radius, 999px);
    background: color-mix(in srgb, var(--tone) 12%, transparent);
    color: var(--tone);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.unpaid,
  .badge.pending {
    --tone: var(--caseflow-color-primary, #1d4ed8);
  }
  .badge.partially_paid {
    --tone: var(--caseflow-color-warning, #b45309);
  }
  .badge.paid {
    --tone: var(--caseflow-color-success, #15803d);
  }
  .badge.overdue {
    --tone: var(--caseflow-color-danger, #b91c1c);
  }
  a {
    color: var(--caseflow-color-primary, #1d4ed8);
  }
  a:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--caseflow-color-focus, var(--caseflow-color-primary, #1d4ed8));
    outline-offset: 2px;
  }
  button.small {
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
  select,
  input {
    font: inherit;
    color: inherit;
    padding-block: 0.4em;
    padding-inline: 0.6em;
    border: 1px solid var(--caseflow-color-border, #d1d5db);
    border-radius: var(--caseflow-radius, 6px);
    background: var(--caseflow-color-surface, #ffffff);
  }
  input[aria-invalid='true'] {
    border-color: var(--caseflow-color-danger, #b91c1c);
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  label {
    font-weight: 600;
  }
  .message,
  .hint {
    margin: 0;
    color: var(--caseflow-color-muted, #4b5563);
  }
  .notice {
    margin: 0;
  }
  .notice:not(:empty) {
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border-inline-start: 3px solid var(--caseflow-color-primary, #1d4ed8);
    background: var(--caseflow-color-surface, #ffffff);
  }
  .notice.paid:not(:empty) {
    border-color: var(--caseflow-color-success, #15803d);
  }
  /* Live regions stay in the layout when empty (never display: none) so
     screen readers already track them when the first message arrives. */
  .error {
    margin: 0;
  }
`;
