// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowPaymentHistory } from '../components/payment-history/payment-history.js';

define('caseflow-payment-history', CaseflowPaymentHistory);

export { CaseflowPaymentHistory };
