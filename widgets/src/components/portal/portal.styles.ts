import { css } from 'lit';
import { tokenStyles } from '../../base/tokens.js';

export const portalStyles = [
  tokenStyles,
  css`
    :host {
      display: block;
    }
  `,
];
