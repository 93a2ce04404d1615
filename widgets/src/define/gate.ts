import { define } from '../shared/define.js';
import { CaseflowGate } from '../components/gate/gate.js';

define('caseflow-gate', CaseflowGate);

export { CaseflowGate };
