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
    .pay {
      display: grid;
      gap: var(--caseflow-space-sm);
      justify-items: start;
    }
  `,
];
