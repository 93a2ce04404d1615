// The size budgets of the widget build, measured as a browser downloads the
// code: an entry and every chunk it imports statically, each file gzipped on
// its own, each counted once. Pure, so a test can hold it to synthetic builds.

/** A page with only the invoice list: Lit, the portal and the list. */
export const invoiceListPageLimit = 15 * 1024;
/** Any other widget, with everything it imports. */
export const entryLimit = 20 * 1024;
/** The hosted portal before any section opens. */
export const hostedInitialLimit = 40 * 1024;

/** The budgets of a build with these widget entries (`caseflow-<name>`). */
export function budgetsFor(widgetEntries) {
  return [
    { name: 'a page with only the invoice list', entries: ['caseflow-invoice-list'], limit: invoiceListPageLimit },
    {
      name: 'the hosted portal, initial load',
      // The hosted script, and the widgets every signed-in page shows before any section opens.
      entries: [
        'hosted-portal',
        'caseflow-nav',
        'caseflow-account',
        'caseflow-gate',
        'caseflow-preview-banner',
        'caseflow-home',
      ],
      limit: hostedInitialLimit,
    },
    ...widgetEntries
      .filter((entry) => entry !== 'caseflow-invoice-list')
      .map((entry) => ({ name: entry, entries: [entry], limit: entryLimit })),
  ];
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Measures each budget. `entries` maps an entry's name to its file, `imports`
 * a file to the files it imports statically, `gzip` a file to its gzipped size.
 * Returns each budget's size and the sentences of those broken.
 */
export function measureBudgets(budgets, { entries, imports, gzip }) {
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imported of imports[file] ?? []) closure(imported, seen);
    return seen;
  };
  const failures = [];
  const report = budgets.map(({ name, entries: names, limit }) => {
    const missing = names.filter((n) => !entries[n]);
    if (missing.length) throw new Error(`budget "${name}" names entries the build has not: ${missing.join(', ')}`);
    const downloaded = new Set(names.flatMap((n) => [...closure(entries[n])]));
    const size = [...downloaded].reduce((sum, f) => sum + gzip[f], 0);
    if (size > limit)
      failures.push(`${name}: ${kb(size)} gzipped (${size} bytes), over its ${kb(limit)} budget (${limit} bytes)`);
    return { name, entries: names, gzip: size, limit };
  });
  return { report, failures };
}
