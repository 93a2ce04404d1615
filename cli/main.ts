import { Command } from 'commander';
import { registerDatabase } from './commands/database.js';
import { registerServe } from './commands/serve.js';
import { CaseflowError, ConnectionError } from '../sdk/errors.js';
import { registerApiKeys } from './commands/apikeys.js';
import { registerAudit } from './commands/audit.js';
import { registerAuth } from './commands/auth.js';
import { registerClients } from './commands/clients.js';
import { registerContacts } from './commands/contacts.js';
import { registerInvoices } from './commands/invoices.js';
import { registerMatters } from './commands/matters.js';
import { registerNotes } from './commands/notes.js';
import { registerThreads } from './commands/threads.js';
import { registerPracticeAreas } from './commands/practice-areas.js';
import { registerReports } from './commands/reports.js';
import { registerLeads } from './commands/leads.js';
import { registerParties } from './commands/parties.js';
import { registerConflicts } from './commands/conflicts.js';
import { registerCredits } from './commands/credits.js';
import { registerImpersonate } from './commands/impersonate.js';
import { registerAnnouncements } from './commands/announcements.js';
import { registerMail } from './commands/mail.js';
import { registerJobs } from './commands/jobs.js';
import { registerStaff } from './commands/staff.js';
import { registerTenants } from './commands/tenants.js';
import { registerSettings } from './commands/settings.js';
import { registerStripe } from './commands/stripe.js';
import { registerRoutes } from './commands/routes.js';
import { apiErrorText } from './api.js';
import { CliError, fail } from './output.js';

const program = new Command()
  .name('caseflow')
  .description('CaseFlow Portal: run the server and manage firms, contacts and portal access')
  .version('0.1.0');

registerServe(program);
registerDatabase(program);
registerTenants(program);
registerSettings(program);
registerAuth(program);
registerStaff(program);
registerApiKeys(program);
registerClients(program);
registerContacts(program);
registerMatters(program);
registerNotes(program);
registerThreads(program);
registerPracticeAreas(program);
registerReports(program);
registerLeads(program);
registerParties(program);
registerConflicts(program);
registerInvoices(program);
registerCredits(program);
registerImpersonate(program);
registerAnnouncements(program);
registerAudit(program);
registerMail(program);
registerJobs(program);
registerStripe(program);
registerRoutes(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliError) fail(error.message, error.exitCode);
  // Before CaseflowError, which it extends: no answer came, so say so.
  if (error instanceof ConnectionError) fail(`cannot reach the server: ${error.message}`);
  // The server's own clear message (a refusal, a validation error) is what the user needs.
  if (error instanceof CaseflowError) fail(apiErrorText(error));
  if (error instanceof Error && error.name === 'ExitPromptError') fail('cancelled', 130);
  fail(error instanceof Error ? error.message : String(error));
});
