import { css } from 'lit';

/**
 * Tables, status badges, notices and fields shared by the billing widgets
 * (invoice list, invoice, payment history). Colours come only from the
 * `--caseflow-*` tokens, so the portal's light, dark and firm themes reach every
 * part. Logical properties only, so `dir="rtl"` mirrors them; amounts line up on
 * the end edge.
 */
export const billingStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--caseflow-space);
    justify-items: start;
  }
  /* Silent live regions stay in the page (screen readers then already track
     them) but out of the grid, so they add no gap until they speak. */
  .notice:empty,
  .base:not([data-state='loading'], [data-state='empty']) > [part='message'],
  .base:not([data-state='error']) > [part='error'] {
    position: absolute;
  }
  /* A table is a card; too wide for a narrow screen, it scrolls sideways inside it. */
  .scroller {
    /* Positioned, so the visually hidden cells' text is clipped here too, not beside the page. */
    position: relative;
    container-type: inline-size;
    inline-size: 100%;
    overflow-x: auto;
    border: 1px solid var(--caseflow-color-border);
    border-radius: var(--caseflow-radius-lg);
    background: var(--caseflow-color-surface);
  }
  tbody tr:last-child > * {
    border-block-end: none;
  }
  /*
   * Narrow (the widget's own width, wherever it is embedded): each row of a
   * table with class "stack" becomes a card of labelled lines, every value
   * visible. The column headers stay for screen readers; the visible labels
   * (each cell's data-label) are hidden from them, so nothing is read twice.
   */
  @container (max-width: 40rem) {
    .stack thead {
      position: absolute;
      inline-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .stack,
    .stack tbody,
    .stack tr {
      display: block;
    }
    .stack tr {
      padding: var(--caseflow-space-sm);
      border-block-end: 1px solid var(--caseflow-color-border);
    }
    .stack tbody > tr > * {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: var(--caseflow-space-sm);
      padding: var(--caseflow-space-xs) 0;
      border: none;
    }
    .stack [data-label]::before {
      content: attr(data-label);
      content: attr(data-label) / '';
      font-weight: 400;
      color: var(--caseflow-color-muted);
    }
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    background: var(--caseflow-color-surface);
    color: var(--caseflow-color-text);
  }
  caption {
    text-align: start;
  }
  th,
  td {
    padding: var(--caseflow-space-sm) 0.75em;
    text-align: start;
    border-block-end: 1px solid var(--caseflow-color-border);
  }
  th,
  .amount,
  .date,
  .actions {
    white-space: nowrap;
  }
  th {
    font-weight: 600;
  }
  thead th {
    color: var(--caseflow-color-muted);
  }
  /* A row's link (its invoice), and a link that acts (PDF), are 44 px tap targets. */
  tbody a,
  a.button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
  }
  .amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .actions > * + * {
    margin-inline-start: var(--caseflow-space-sm);
  }
  /* A link that acts (PDF): a button's look. */
  a.button {
    min-inline-size: 2.75rem;
    justify-content: center;
    padding-inline: 0.75em;
    border: 1px solid var(--caseflow-color-link);
    border-radius: var(--caseflow-radius);
    font-weight: 600;
    text-decoration: none;
  }
  /*
   * Status badges. A status colour (success, warning, danger, muted) is the text
   * on a 12% tint of itself over the surface: every status token passes 4.5:1 on
   * its tint in both modes. The brand-coloured ones (unpaid, pending) are an
   * outline in the link colour on the bare surface, because only that pair is
   * guaranteed 4.5:1 for any firm's colour (a tint would lower it).
   */
  .badge {
    --tone: var(--caseflow-color-muted);
    display: inline-block;
    padding: 0.125em 0.6em;
    border: 1px solid color-mix(in srgb, var(--tone) 45%, var(--caseflow-color-surface));
    border-radius: var(--caseflow-badge-radius);
    background: color-mix(in srgb, var(--tone) 12%, var(--caseflow-color-surface));
    color: var(--tone);
    font-size: var(--caseflow-font-size-sm);
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.partially_paid {
    --tone: var(--caseflow-color-warning);
  }
  .badge.paid {
    --tone: var(--caseflow-color-success);
  }
  .badge.overdue {
    --tone: var(--caseflow-color-danger);
  }
  .badge.unpaid,
  .badge.pending {
    border-color: var(--caseflow-color-link);
    background: var(--caseflow-color-surface);
    color: var(--caseflow-color-link);
  }
  button.small {
    padding-inline: 0.75em;
  }
  select {
    font: inherit;
    color: var(--caseflow-color-text);
    padding: 0.4em 0.6em;
    border: 1px solid var(--caseflow-color-border);
    border-radius: var(--caseflow-radius);
    background: var(--caseflow-color-surface);
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--caseflow-space-sm);
  }
  label {
    font-weight: 600;
  }
  /* Live regions stay in the layout when empty (never display: none) so
     screen readers already track them when the first message arrives. */
  .message,
  .notice,
  .error {
    margin: 0;
  }
  .notice:not(:empty) {
    padding: var(--caseflow-space-sm) 0.75em;
    border-inline-start: 3px solid var(--caseflow-color-link);
    border-radius: var(--caseflow-radius);
    background: var(--caseflow-color-surface);
  }
  .notice.paid:not(:empty) {
    border-color: var(--caseflow-color-success);
  }
`;
