// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowSetPassword } from '../components/set-password/set-password.js';

define('caseflow-set-password', CaseflowSetPassword);

export { CaseflowSetPassword };
