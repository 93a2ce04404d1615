// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowPreviewBanner } from '../components/preview-banner/preview-banner.js';

define('caseflow-preview-banner', CaseflowPreviewBanner);

export { CaseflowPreviewBanner };
