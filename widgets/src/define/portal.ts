import { define } from '../base/define.js';
import { CaseflowPortal } from '../components/portal/portal.js';

define('caseflow-portal', CaseflowPortal);

export { CaseflowPortal };
