import { css } from 'lit';
import { formStyles } from '../../shared/form-styles.js';
import { baseStyles } from '../../base/styles.js';

export const profileStyles = [
  baseStyles,
  formStyles,
  css`
    :host {
      display: block;
      max-inline-size: var(--caseflow-profile-max-width, 32rem);
    }
    section {
      padding: var(--caseflow-space-lg);
      border: 1px solid var(--caseflow-color-border);
      border-radius: var(--caseflow-radius-lg);
      background: var(--caseflow-color-surface);
      box-shadow: var(--caseflow-shadow-sm);
    }
    h2 {
      margin-block: 0 var(--caseflow-space-sm);
      font-size: var(--caseflow-font-size-lg);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--caseflow-space-xs) var(--caseflow-space);
      margin: 0;
    }
    dt {
      font-weight: 600;
      color: var(--caseflow-color-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
];
