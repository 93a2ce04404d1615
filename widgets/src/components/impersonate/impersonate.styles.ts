import { css } from 'lit';
import { formStyles } from '../../shared/form-styles.js';
import { baseStyles } from '../../base/styles.js';

export const impersonateStyles = [
  baseStyles,
  formStyles,
  css`
    :host {
      display: block;
      max-inline-size: var(--caseflow-login-max-width, 24rem);
    }
  `,
];
