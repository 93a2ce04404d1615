import { define } from '../shared/define.js';
import { CaseflowAnnouncements } from '../components/announcements/announcements.js';

define('caseflow-announcements', CaseflowAnnouncements);

export { CaseflowAnnouncements };
