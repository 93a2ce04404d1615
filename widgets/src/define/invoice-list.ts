import { define } from '../shared/define.js';
import { CaseflowInvoiceList } from '../components/invoice-list/invoice-list.js';

define('caseflow-invoice-list', CaseflowInvoiceList);

export { CaseflowInvoiceList };
