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
      gap: 0.25rem;
      align-content: start;
    }
    /* The element hides links the contact may not use with [hidden]: that must
       win over the page's own display rules for its links. */
    ::slotted([hidden]) {
      display: none !important;
    }
    .upgrade {
      margin: 0;
      padding-block: 0.75em;
      padding-inline: 1em;
      border: 1px solid var(--caseflow-color-border, #d1d5db);
      border-inline-start: 4px solid var(--caseflow-color-primary, #1d4ed8);
      border-radius: var(--caseflow-radius, 6px);
      background: var(--caseflow-color-surface, #ffffff);
    }
  `,
];
