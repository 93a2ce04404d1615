import { css } from 'lit';
import { formStyles } from '../../shared/form-styles.js';
import { baseStyles } from '../../base/styles.js';

export const setPasswordStyles = [
  baseStyles,
  formStyles,
  css`
    :host {
      display: block;
      max-inline-size: var(--caseflow-login-max-width, 24rem);
    }
    /* Links take the link colour, which is AA on the surface in both modes
       (the primary colour is a button colour: too dark on a dark page). */
    a,
    button.link {
      color: var(--caseflow-color-link);
    }
  `,
];
