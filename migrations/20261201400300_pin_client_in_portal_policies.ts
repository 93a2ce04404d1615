/**
 * The portal policies of the client rows read the row's own client_id instead of
 * trusting a join: a row is the portal's when it names the session's client
 * (the EXISTS on invoices stays, because the invoices policy also hides drafts).
 * Rows the portal writes pin client and contact in WITH CHECK: a checkout session
 * or an announcement read is opened only for the session's own client and
 * contact. Closing a checkout session (the portal may update only status and
 * updated_at) pins the client but not the contact, because a contact may expire
 * the open session another contact of the same client started for that invoice.
 *
 * The policies are defined in server/db/sql/policies/ and applied after the
 * migrations; this migration stays so the history of databases that ran it is
 * unchanged.
 */
export async function up(): Promise<void> {}

export async function down(): Promise<void> {}
