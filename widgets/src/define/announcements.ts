// The portal first: every widget asks it for the client while connecting.
import './portal.js';
import { define } from '../base/define.js';
import { CaseflowAnnouncements } from '../components/announcements/announcements.js';

define('caseflow-announcements', CaseflowAnnouncements);

export { CaseflowAnnouncements };
