import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const navStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    nav {
      display: grid;
      gap: var(--caseflow-space-xs);
      align-content: start;
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
