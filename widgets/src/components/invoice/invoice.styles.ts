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
      gap: 0.75em;
    }
    .number {
      font-size: 1.25em;
      font-weight: 600;
    }
    dl {
      display: grid;
      grid-template-columns: max-content max-content;
      gap: 0.25em 1.5em;
      margin: 0;
    }
    dt {
      color: var(--caseflow-color-muted, #4b5563);
    }
    dd {
      margin: 0;
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
      font-size: 1em;
    }
    .pay {
      display: grid;
      gap: 0.5em;
      justify-items: start;
    }
  `,
];
