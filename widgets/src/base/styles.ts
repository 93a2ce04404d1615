import { css } from 'lit';

/**
 * Base shared by every widget. The `--caseflow-*` tokens are declared by
 * <caseflow-portal> (base/tokens.ts) and inherit into every widget inside it;
 * a firm themes all widgets at once by setting them on the portal (CSS, or its
 * `appearance` property). Only logical properties (inline/block), so `dir=rtl`
 * mirrors the layout without extra rules.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--caseflow-font-family);
    font-size: var(--caseflow-font-size);
    line-height: var(--caseflow-line-height);
    color: var(--caseflow-color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  a {
    color: var(--caseflow-color-link);
  }
  button {
    font: inherit;
    cursor: pointer;
    min-block-size: 2.75rem;
    padding: var(--caseflow-space-sm) var(--caseflow-space);
    border: 1px solid var(--caseflow-color-primary);
    border-radius: var(--caseflow-radius);
    background: var(--caseflow-color-primary);
    color: var(--caseflow-color-on-primary);
  }
  button:hover:not(:disabled) {
    background: var(--caseflow-color-primary-hover);
  }
  button.secondary {
    background: transparent;
    color: var(--caseflow-color-link);
    border-color: var(--caseflow-color-link);
  }
  button.secondary:hover:not(:disabled) {
    background: var(--caseflow-color-primary-soft);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  /* Whatever has the keyboard's focus: links, buttons, fields, a heading focused on arrival. */
  :focus-visible {
    outline: 2px solid var(--caseflow-color-focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--caseflow-color-danger);
  }
  .message {
    color: var(--caseflow-color-muted);
  }
  /* Retry keeps its own width in a widget's grid or flex layout. */
  [part='retry'] {
    justify-self: start;
    align-self: start;
  }
`;
