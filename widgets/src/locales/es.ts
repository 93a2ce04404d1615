// The es catalog of the widgets: its own chunk, loaded when the page's language is es.
import account from './es/account.js';
import billing from './es/billing.js';

export default { ...billing, ...account };
