// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowGate } from '../components/gate/gate.js';

define('caseflow-gate', CaseflowGate);

export { CaseflowGate };
