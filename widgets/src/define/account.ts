// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowAccount } from '../components/account/account.js';

define('caseflow-account', CaseflowAccount);

export { CaseflowAccount };
