import { define } from '../shared/define.js';
import { CaseflowLogin } from '../components/login/login.js';

define('caseflow-login', CaseflowLogin);

export { CaseflowLogin };
