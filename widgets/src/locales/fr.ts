// The fr catalog of the widgets: its own chunk, loaded when the page's language is fr.
import account from './fr/account.js';
import billing from './fr/billing.js';

export default { ...billing, ...account };
