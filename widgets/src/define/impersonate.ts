import { define } from '../shared/define.js';
import { CaseflowImpersonate } from '../components/impersonate/impersonate.js';

define('caseflow-impersonate', CaseflowImpersonate);

export { CaseflowImpersonate };
