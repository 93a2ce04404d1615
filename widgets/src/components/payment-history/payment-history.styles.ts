import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';
import { billingStyles } from '../../shared/billing-styles.js';

export const paymentHistoryStyles = [
  baseStyles,
  billingStyles,
  css`
    /* "— by {admin}, previewing" beside a payment's method; wraps between words in a narrow cell. */
    .previewed {
      color: var(--caseflow-color-muted);
      font-size: var(--caseflow-font-size-sm);
    }
  `,
];
