import { createContext } from '@lit/context';
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';

// Keys are registered symbols (Symbol.for) so two copies of the bundle on one page
// still talk to each other's <caseflow-portal>.

/** The API client of the nearest <caseflow-portal>; replaced when its auth changes. */
export const clientContext = createContext<PortalClient | undefined>(Symbol.for('caseflow.client'));

/** The signed-in contact, client and firm (locale, currency), once known. */
export const profileContext = createContext<PortalProfile | undefined>(Symbol.for('caseflow.profile'));
