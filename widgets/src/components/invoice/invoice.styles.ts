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
      font-size: var(--caseflow-font-size-lg);
      font-weight: 600;
    }
    dl {
      display: grid;
      grid-template-columns: max-content max-content;
      gap: var(--caseflow-space-xs) var(--caseflow-space-lg);
      margin: 0;
    }
    dt {
      color: var(--caseflow-color-muted);
    }
    dd {
      margin: 0;
    }
    /* Under the lines' amounts, as on a paper invoice. */
    .totals {
      justify-self: end;
    }
    .totals dd {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .totals .strong {
      font-weight: 700;
      color: inherit;
    }
    .note {
      margin: 0;
      white-space: pre-line;
    }
    h3 {
      margin: 0;
      font-size: var(--caseflow-font-size);
    }
    /* A narrow screen stacks each line: description and amount, then quantity × unit price (and tax). */
    @container (max-width: 36rem) {
      .lines thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .lines,
      .lines tbody {
        display: block;
      }
      .lines tr {
        display: grid;
        grid-template-columns: auto auto minmax(0, 1fr) auto;
        gap: var(--caseflow-space-xs);
        padding-block: var(--caseflow-space-sm);
        padding-inline: var(--caseflow-space-sm);
        border-block-end: 1px solid var(--caseflow-color-border);
      }
      .lines tbody tr:last-child {
        border-block-end: none;
      }
      .lines td {
        display: block;
        padding: 0;
        border: none;
        text-align: start;
      }
      .lines [data-field='description'] {
        grid-column: 1 / 4;
      }
      .lines [data-field='amount'] {
        grid-column: 4;
        grid-row: 1;
        text-align: end;
        font-weight: 600;
        margin-inline-start: var(--caseflow-space-sm);
      }
      .lines [data-field='quantity'],
      .lines [data-field='unit-price'],
      .lines [data-field='tax'] {
        grid-row: 2;
        color: var(--caseflow-color-muted);
        font-size: var(--caseflow-font-size-sm);
      }
      .lines [data-field='unit-price']::before {
        content: '× ';
        content: '× ' / '';
      }
      .lines [data-field='tax']::before {
        content: attr(data-label) ' ';
        content: attr(data-label) ' ' / '';
      }
    }
    .pay {
      display: grid;
      gap: var(--caseflow-space-sm);
      justify-items: start;
    }
  `,
];
