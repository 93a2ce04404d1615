import { css, unsafeCSS } from 'lit';
import { tokenDeclarations } from '../../../sdk/theme-tokens.js';

/**
 * The design tokens, declared on <caseflow-portal>: light by default, dark with
 * `theme="dark"`, and following the system with `theme="auto"`. Declarations on
 * the portal from the page (CSS or `appearance`) win over these, because a
 * page's rules beat a shadow root's `:host` rules.
 */
export const tokenStyles = css`
  :host {
    ${unsafeCSS(tokenDeclarations('light'))}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${unsafeCSS(tokenDeclarations('dark'))}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(tokenDeclarations('dark'))}
      color-scheme: dark;
    }
  }
  /* Dark widgets on a firm's light page need their own background. */
  :host([theme='dark']) {
    background: var(--caseflow-color-background);
    color: var(--caseflow-color-text);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      background: var(--caseflow-color-background);
      color: var(--caseflow-color-text);
    }
  }
`;
