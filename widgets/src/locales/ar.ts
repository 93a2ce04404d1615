// The ar catalog of the widgets: its own chunk, loaded when the page's language is ar.
import account from './ar/account.js';
import billing from './ar/billing.js';

export default { ...billing, ...account };
