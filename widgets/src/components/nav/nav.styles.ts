import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const navStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    nav,
    .links {
      display: grid;
      gap: var(--caseflow-space-xs);
      align-content: start;
    }
    /* The menu button only on narrow screens (below 48rem, as the hosted page's
       one-column layout); wider, the links are always shown. */
    .toggle {
      display: none;
      align-items: center;
      gap: var(--caseflow-space-sm);
      inline-size: 100%;
      background: var(--caseflow-color-surface);
      color: var(--caseflow-color-text);
      border-color: var(--caseflow-color-border);
      font-weight: 600;
    }
    .toggle:hover:not(:disabled) {
      background: var(--caseflow-color-primary-soft);
    }
    .bars {
      inline-size: 1.125rem;
      block-size: 0.75rem;
      border-block: 2px solid currentColor;
      background: linear-gradient(currentColor, currentColor) center / 100% 2px no-repeat;
    }
    @media (max-width: 47.99rem) {
      .toggle {
        display: inline-flex;
      }
      .links[data-open='false'] {
        display: none;
      }
    }
    /* The element hides links the contact may not use with [hidden]: that must
       win over the page's own display rules for its links. */
    ::slotted([hidden]) {
      display: none !important;
    }
    .upgrade {
      margin: 0;
      padding-block: var(--caseflow-space-sm);
      padding-inline: var(--caseflow-space);
      border: 1px solid var(--caseflow-color-border);
      border-inline-start: 4px solid var(--caseflow-color-primary);
      border-radius: var(--caseflow-radius);
      background: var(--caseflow-color-surface);
    }
  `,
];
