// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowInvoiceList } from '../components/invoice-list/invoice-list.js';

define('caseflow-invoice-list', CaseflowInvoiceList);

export { CaseflowInvoiceList };
