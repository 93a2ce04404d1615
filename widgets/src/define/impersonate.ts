// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowImpersonate } from '../components/impersonate/impersonate.js';

define('caseflow-impersonate', CaseflowImpersonate);

export { CaseflowImpersonate };
