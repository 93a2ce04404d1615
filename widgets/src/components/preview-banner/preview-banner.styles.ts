import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

// Colours only through tokens: the warning colour of the mode (light or dark)
// tints the surface, so the notice reads as "careful" in both without its own palette.
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
      padding-block: var(--caseflow-space-xs);
      padding-inline: var(--caseflow-space);
      border-radius: var(--caseflow-radius);
      border: 1px dashed var(--caseflow-preview-border, var(--caseflow-color-warning));
      background: var(
        --caseflow-preview-background,
        color-mix(in srgb, var(--caseflow-color-warning) 12%, var(--caseflow-color-surface))
      );
      color: var(--caseflow-preview-color, var(--caseflow-color-text));
      font-size: var(--caseflow-font-size-sm);
    }
    .detail {
      color: var(--caseflow-color-muted);
    }
  `,
];
