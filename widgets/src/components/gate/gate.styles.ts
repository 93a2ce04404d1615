import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const gateStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .message {
      margin: 0;
    }
  `,
];
