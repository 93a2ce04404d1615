import { define } from '../shared/define.js';
import { CaseflowPaymentHistory } from '../components/payment-history/payment-history.js';

define('caseflow-payment-history', CaseflowPaymentHistory);

export { CaseflowPaymentHistory };
