// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowNav } from '../components/nav/nav.js';

define('caseflow-nav', CaseflowNav);

export { CaseflowNav };
