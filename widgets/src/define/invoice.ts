import { define } from '../shared/define.js';
import { CaseflowInvoice } from '../components/invoice/invoice.js';

define('caseflow-invoice', CaseflowInvoice);

export { CaseflowInvoice };
