// The de catalog of the widgets: its own chunk, loaded when the page's language is de.
import account from './de/account.js';
import billing from './de/billing.js';

export default { ...billing, ...account };
