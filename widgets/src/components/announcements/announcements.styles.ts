import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const announcementsStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--caseflow-space, 1rem);
    }
    li {
      padding: 1rem;
      border: 1px solid var(--caseflow-color-border, #d1d5db);
      border-radius: 8px;
      background: var(--caseflow-color-surface, #fff);
    }
    li[data-read='false'] {
      border-inline-start: 4px solid var(--caseflow-color-primary, #1d4ed8);
    }
    h2 {
      font-size: 1.1rem;
      margin: 0;
    }
    .meta {
      margin: 0.25rem 0 0;
      color: var(--caseflow-color-muted, #4b5563);
      font-size: 0.875rem;
    }
    .body {
      margin: 0.75rem 0 0;
      white-space: pre-line;
    }
    .badge {
      margin-inline-start: 0.5rem;
      font-size: 0.75rem;
      font-weight: 600;
      color: var(--caseflow-color-primary, #1d4ed8);
    }
    button {
      margin-block-start: 0.75rem;
    }
    .message {
      margin: 0;
      color: var(--caseflow-color-muted, #4b5563);
    }
    .error {
      margin: 0;
      color: var(--caseflow-color-danger, #b91c1c);
    }
  `,
];
