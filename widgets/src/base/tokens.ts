import { unsafeCSS } from 'lit';
import { darkTokens, lightTokens } from './token-values.js';

// Dark: the dark token set, and a background of its own (dark widgets on a firm's light page).
const dark = () =>
  `${darkTokens}color-scheme:dark;background:var(--caseflow-color-background);color:var(--caseflow-color-text)`;

/**
 * The design tokens, declared on <caseflow-portal>: light by default, dark with
 * `theme="dark"`, and following the system with `theme="auto"`. Declarations on
 * the portal from the page (CSS or `appearance`) win over these, because a
 * page's rules beat a shadow root's `:host` rules. Written compact by hand: the
 * build's CSS minifier skips a file that uses unsafeCSS.
 */
export const tokenStyles = unsafeCSS(
  `:host{${lightTokens}color-scheme:light}` +
    `:host([theme=dark]){${dark()}}` +
    `@media (prefers-color-scheme:dark){:host([theme=auto]){${dark()}}}`,
);
