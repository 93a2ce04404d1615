// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowInvoice } from '../components/invoice/invoice.js';

define('caseflow-invoice', CaseflowInvoice);

export { CaseflowInvoice };
