import { define } from '../shared/define.js';
import { CaseflowPreviewBanner } from '../components/preview-banner/preview-banner.js';

define('caseflow-preview-banner', CaseflowPreviewBanner);

export { CaseflowPreviewBanner };
