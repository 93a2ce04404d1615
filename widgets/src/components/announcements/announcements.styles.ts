import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const announcementsStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .base {
      display: grid;
      gap: var(--caseflow-space);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--caseflow-space);
    }
    li {
      padding: var(--caseflow-space);
      border: 1px solid var(--caseflow-color-border);
      border-radius: var(--caseflow-radius-lg);
      background: var(--caseflow-color-surface);
      box-shadow: var(--caseflow-shadow-sm);
    }
    li[data-read='false'] {
      border-inline-start: 4px solid var(--caseflow-color-link);
    }
    h2 {
      font-size: var(--caseflow-font-size-lg);
      margin: 0;
    }
    .meta {
      margin-block: var(--caseflow-space-xs) 0;
      color: var(--caseflow-color-muted);
      font-size: var(--caseflow-font-size-sm);
    }
    .body {
      margin-block: var(--caseflow-space-sm) 0;
      white-space: pre-line;
    }
    .badge {
      display: inline-block;
      vertical-align: middle;
      margin-inline-start: var(--caseflow-space-sm);
      padding-inline: var(--caseflow-space-sm);
      border: 1px solid var(--caseflow-color-link);
      border-radius: var(--caseflow-badge-radius);
      color: var(--caseflow-color-link);
      font-size: var(--caseflow-font-size-sm);
      font-weight: 600;
    }
    button {
      margin-block-start: var(--caseflow-space-sm);
    }
    .all,
    .message,
    .error {
      margin: 0;
    }
  `,
];
