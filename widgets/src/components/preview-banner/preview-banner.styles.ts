import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const previewBannerStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .banner {
      margin: 0;
      padding-block: 0.4rem;
      padding-inline: 0.9rem;
      border-radius: 6px;
      border: 1px dashed var(--caseflow-preview-border, #b45309);
      background: var(--caseflow-preview-background, #fffbeb);
      color: var(--caseflow-preview-color, #78350f);
      font-size: 0.875rem;
    }
    .detail {
      color: var(--caseflow-color-muted, #4b5563);
    }
  `,
];
