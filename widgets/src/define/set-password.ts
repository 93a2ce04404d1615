import { define } from '../shared/define.js';
import { CaseflowSetPassword } from '../components/set-password/set-password.js';

define('caseflow-set-password', CaseflowSetPassword);

export { CaseflowSetPassword };
