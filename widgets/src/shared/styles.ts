import { css } from 'lit';

/**
 * Base shared by every widget. Each `--caseflow-*` property has a fallback here,
 * so a widget looks right unthemed, and a firm themes all widgets at once by
 * setting the properties on <caseflow-portal> or any ancestor (custom properties
 * inherit into shadow roots). Only logical properties (inline/block), so `dir=rtl`
 * mirrors the layout without extra rules.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--caseflow-font-family, inherit);
    font-size: var(--caseflow-font-size, 1rem);
    color: var(--caseflow-color-text, #1f2937);
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
  button {
    font: inherit;
    cursor: pointer;
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 1px solid var(--caseflow-color-primary, #1d4ed8);
    border-radius: var(--caseflow-radius, 6px);
    background: var(--caseflow-color-primary, #1d4ed8);
    color: var(--caseflow-color-on-primary, #ffffff);
  }
  button.secondary {
    background: transparent;
    color: var(--caseflow-color-primary, #1d4ed8);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--caseflow-color-focus, var(--caseflow-color-primary, #1d4ed8));
    outline-offset: 2px;
  }
  .error {
    color: var(--caseflow-color-danger, #b91c1c);
  }
`;
