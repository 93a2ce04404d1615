import { css } from 'lit';

export const portalStyles = css`
  :host {
    display: block;
  }
`;
