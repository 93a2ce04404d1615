import { css } from 'lit';

/**
 * The language pickers' own look (login, profile, account menu), in logical
 * properties so Arabic mirrors them; colours from the `--caseflow-*` tokens.
 */
export const languageStyles = css`
  .languages {
    display: grid;
    gap: 2px;
  }
  .group-label {
    padding-block: var(--caseflow-space-xs);
    padding-inline: var(--caseflow-space);
    font-size: var(--caseflow-font-size-sm);
    font-weight: 600;
    color: var(--caseflow-color-muted);
  }
  [role='menuitemradio']::before {
    content: '';
    flex: none;
    inline-size: 1.25em;
  }
  [role='menuitemradio'][aria-checked='true']::before {
    content: '✓';
  }
  .separator:not(:first-child) {
    margin-block: var(--caseflow-space-xs);
    padding-block-start: var(--caseflow-space-xs);
    border-block-start: 1px solid var(--caseflow-color-border);
  }
  select {
    font: inherit;
    color: var(--caseflow-color-text);
    padding-block: var(--caseflow-space-sm);
    padding-inline: 0.75em;
    border: 1px solid var(--caseflow-color-border);
    border-radius: var(--caseflow-radius);
    background: var(--caseflow-color-surface);
    /* As wide as its field, never its longest option (a firm's long name would push the page sideways). */
    inline-size: 100%;
    min-inline-size: 0;
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--caseflow-space-xs) var(--caseflow-space-sm);
  }
  .picker {
    font-size: var(--caseflow-font-size-sm);
    color: var(--caseflow-color-muted);
  }
  /* The page's own language is shown as the current one, not as a link to follow. */
  .picker [aria-pressed='true'] {
    font-weight: 600;
    color: var(--caseflow-color-text);
    text-decoration: none;
  }
`;
