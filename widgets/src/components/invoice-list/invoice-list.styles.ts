import { css } from 'lit';
import { baseStyles } from '../../shared/styles.js';

export const invoiceListStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .base {
      display: grid;
      gap: var(--caseflow-space, 1rem);
      justify-items: start;
    }
    /* Narrow screens scroll the table sideways instead of squeezing it. */
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
    /* Amounts line up on their end edge (right in LTR, left in RTL). */
    .amount {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .date {
      white-space: nowrap;
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
    .badge.unpaid {
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
    .message {
      margin: 0;
      color: var(--caseflow-color-muted, #4b5563);
    }
    /* Live regions stay in the layout when empty (never display: none) so
       screen readers already track them when the first message arrives. */
    .message:empty,
    .error:empty {
      margin: 0;
    }
    .error {
      margin: 0;
    }
  `,
];
