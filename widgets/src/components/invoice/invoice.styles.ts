import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';
import { billingStyles } from '../../shared/billing-styles.js';

export const invoiceStyles = [
  baseStyles,
  billingStyles,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--caseflow-space-sm);
    }
    .number {
      margin: 0;
      font-size: var(--caseflow-font-size-xl);
      font-weight: 700;
      line-height: 1.25;
      white-space: nowrap;
    }
    .subheading {
      margin-block-start: var(--caseflow-space-sm);
      font-size: var(--caseflow-font-size-lg);
      font-weight: 600;
    }
    dl {
      display: grid;
      grid-template-columns: max-content max-content;
      gap: var(--caseflow-space-xs) var(--caseflow-space-lg);
      margin: 0;
    }
    dt,
    .label {
      color: var(--caseflow-color-muted);
    }
    dd {
      margin: 0;
    }
    /* The totals sit in the lines table's foot, their figures under the Amount column. */
    .totals th {
      text-align: end;
      font-weight: 400;
      color: var(--caseflow-color-muted);
    }
    .totals > tr > * {
      border-block-end: none;
      padding-block: var(--caseflow-space-xs);
    }
    .totals > tr:first-child > * {
      border-block-start: 1px solid var(--caseflow-color-border);
      padding-block-start: var(--caseflow-space-sm);
    }
    .totals .strong > * {
      font-weight: 700;
      color: inherit;
    }
    .lines [data-field='description'] {
      inline-size: 100%;
    }
    @container (max-width: 40rem) {
      .lines [data-field='description'] {
        font-weight: 600;
      }
      .stack .totals tr {
        display: flex;
        justify-content: space-between;
        gap: var(--caseflow-space-sm);
        padding-block: var(--caseflow-space-xs);
        border: none;
      }
      .stack .totals > tr > * {
        padding: 0;
        border: none;
      }
    }
    .note {
      margin: 0;
      white-space: pre-line;
    }
    .instructions {
      display: grid;
      gap: var(--caseflow-space-sm);
      inline-size: 100%;
      padding: var(--caseflow-space);
      border: 1px solid var(--caseflow-color-border);
      border-radius: var(--caseflow-radius-lg);
      background: var(--caseflow-color-surface);
    }
    .instructions .subheading {
      margin: 0;
    }
    .instructions .message {
      margin: 0;
    }
    /* "— by {admin}, previewing" beside a payment's method; wraps between words in a narrow cell. */
    .previewed,
    .instructions .message {
      color: var(--caseflow-color-muted);
      font-size: var(--caseflow-font-size-sm);
    }
    input {
      font: inherit;
      color: var(--caseflow-color-text);
      padding-block: 0.4em;
      padding-inline: 0.6em;
      border: 1px solid var(--caseflow-color-border);
      border-radius: var(--caseflow-radius);
      background: var(--caseflow-color-surface);
    }
    input[aria-invalid='true'] {
      border-color: var(--caseflow-color-danger);
    }
    .hint {
      margin: 0;
      color: var(--caseflow-color-muted);
    }
    .pay {
      display: grid;
      gap: var(--caseflow-space-sm);
      justify-items: start;
    }
  `,
];
