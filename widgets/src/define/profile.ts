import { define } from '../shared/define.js';
import { CaseflowProfile } from '../components/profile/profile.js';

define('caseflow-profile', CaseflowProfile);

export { CaseflowProfile };
