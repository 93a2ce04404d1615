import { processResetRequest } from '../../modules/portal-auth/passwords.js';
import { defineRowJob } from '../subscriber.js';

/** Each forgot-password request: an email when the address is a contact's with portal access, else nothing. */
export const processResetRequestJob = defineRowJob({
  name: 'process_reset_request',
  idName: 'request_id',
  handle: (tenantId, requestId, deps) => processResetRequest(deps, tenantId, requestId),
});
