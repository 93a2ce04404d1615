import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const homeStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .base {
      display: grid;
      gap: var(--caseflow-space);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: var(--caseflow-space);
      margin: 0;
    }
    .figure {
      padding: var(--caseflow-space);
      border: 1px solid var(--caseflow-color-border);
      border-radius: var(--caseflow-radius-lg);
      background: var(--caseflow-color-surface);
      box-shadow: var(--caseflow-shadow-sm);
    }
    dt {
      color: var(--caseflow-color-muted);
      font-size: var(--caseflow-font-size-sm);
    }
    dd {
      margin: 0;
      margin-block-start: var(--caseflow-space-xs);
      font-size: var(--caseflow-font-size-lg);
      font-weight: 600;
      display: grid;
    }
    .amount {
      font-variant-numeric: tabular-nums;
    }
    .heading {
      font-size: var(--caseflow-font-size-lg);
      margin: 0;
    }
    .waiting {
      margin: 0;
      padding-inline-start: var(--caseflow-space-lg);
      display: grid;
    }
    /* Standalone links are 44 px tap targets. */
    .waiting a {
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75rem;
    }
    .message,
    .error {
      margin: 0;
    }
  `,
];
