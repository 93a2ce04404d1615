// The token declarations <caseflow-portal> carries, written out from
// sdk/theme-tokens.ts so the widgets' download holds CSS text and none of the
// code that builds it. test/sdk/theme.test.ts checks they are what
// tokenDeclarations() gives (and prints the new text when a token changes).

/** Every token, light: `tokenDeclarations('light')`. */
export const lightTokens =
  '--caseflow-font-family:system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;--caseflow-font-size:1rem;--caseflow-font-size-sm:0.875rem;--caseflow-font-size-lg:1.125rem;--caseflow-font-size-xl:1.5rem;--caseflow-line-height:1.5;--caseflow-space-xs:0.25rem;--caseflow-space-sm:0.5rem;--caseflow-space:1rem;--caseflow-space-lg:1.5rem;--caseflow-space-xl:2rem;--caseflow-radius:6px;--caseflow-radius-lg:10px;--caseflow-badge-radius:999px;--caseflow-shadow-sm:0 1px 2px rgb(15 23 42 / 0.08);--caseflow-shadow:0 4px 12px rgb(15 23 42 / 0.12);--caseflow-color-background:#f5f7fa;--caseflow-color-surface:#ffffff;--caseflow-color-text:#1f2937;--caseflow-color-muted:#4b5563;--caseflow-color-border:#d1d5db;--caseflow-color-success:#166534;--caseflow-color-warning:#92400e;--caseflow-color-danger:#b91c1c;--caseflow-color-primary:#1d4ed8;--caseflow-color-on-primary:#ffffff;--caseflow-color-primary-hover:#1942b8;--caseflow-color-link:#1d4ed8;--caseflow-color-primary-soft:#e4eafa;--caseflow-color-focus:#1d4ed8;';

/** Only the tokens whose dark value differs (the light ones apply to the rest). */
export const darkTokens =
  '--caseflow-shadow-sm:0 1px 2px rgb(0 0 0 / 0.5);--caseflow-shadow:0 4px 12px rgb(0 0 0 / 0.6);--caseflow-color-background:#0b1220;--caseflow-color-surface:#111a2b;--caseflow-color-text:#e5e7eb;--caseflow-color-muted:#a3adbd;--caseflow-color-border:#334155;--caseflow-color-success:#4ade80;--caseflow-color-warning:#fbbf24;--caseflow-color-danger:#f87171;--caseflow-color-link:#6183e4;--caseflow-color-primary-soft:#13244e;--caseflow-color-focus:#6183e4;';
