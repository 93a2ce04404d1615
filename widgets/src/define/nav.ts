import { define } from '../shared/define.js';
import { CaseflowNav } from '../components/nav/nav.js';

define('caseflow-nav', CaseflowNav);

export { CaseflowNav };
