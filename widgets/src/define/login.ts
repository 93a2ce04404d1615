// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowLogin } from '../components/login/login.js';

define('caseflow-login', CaseflowLogin);

export { CaseflowLogin };
