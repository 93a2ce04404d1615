import { css } from 'lit';
import { baseStyles } from '../../base/styles.js';

export const accountStyles = [
  baseStyles,
  css`
    :host {
      display: inline-block;
      position: relative;
      min-block-size: 2.75rem;
      max-inline-size: 100%;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: var(--caseflow-space-sm);
      max-inline-size: 100%;
      background: transparent;
      color: var(--caseflow-color-text);
      border-color: var(--caseflow-color-border);
      text-align: start;
    }
    .toggle:hover:not(:disabled) {
      background: var(--caseflow-color-primary-soft);
    }
    .name {
      overflow-wrap: anywhere;
      min-inline-size: 0;
    }
    /* Points down (up when open) in either direction: physical sides, on purpose. */
    .chevron {
      flex: none;
      inline-size: 0.5rem;
      block-size: 0.5rem;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: translateY(-25%) rotate(45deg);
    }
    [aria-expanded='true'] .chevron {
      transform: translateY(25%) rotate(-135deg);
    }
    .menu {
      position: absolute;
      inset-inline-end: 0;
      inset-block-start: calc(100% + var(--caseflow-space-xs));
      z-index: 5;
      min-inline-size: 12rem;
      max-inline-size: calc(100vw - 1.5rem);
      margin: 0;
      padding: var(--caseflow-space-xs);
      list-style: none;
      background: var(--caseflow-color-surface);
      border: 1px solid var(--caseflow-color-border);
      border-radius: var(--caseflow-radius);
      box-shadow: var(--caseflow-shadow);
    }
    .item {
      display: flex;
      align-items: center;
      inline-size: 100%;
      min-block-size: 2.75rem;
      padding-block: var(--caseflow-space-sm);
      padding-inline: var(--caseflow-space);
      border: 0;
      border-radius: var(--caseflow-radius);
      background: transparent;
      color: var(--caseflow-color-text);
      text-decoration: none;
      text-align: start;
    }
    .item:hover:not(:disabled) {
      background: var(--caseflow-color-primary-soft);
    }
  `,
];
