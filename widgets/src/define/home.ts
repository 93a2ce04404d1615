// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowHome } from '../components/home/home.js';

define('caseflow-home', CaseflowHome);

export { CaseflowHome };
