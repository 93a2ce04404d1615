// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowProfile } from '../components/profile/profile.js';

define('caseflow-profile', CaseflowProfile);

export { CaseflowProfile };
