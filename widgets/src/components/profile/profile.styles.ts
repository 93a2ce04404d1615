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
    h2 {
      margin-block: 0 0.5em;
      font-size: 1.125em;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em 1em;
      margin: 0;
    }
    dt {
      font-weight: 600;
      color: var(--caseflow-color-muted, #4b5563);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
];
