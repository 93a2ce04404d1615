/**
 * Minted portal sessions (a firm's own SSO): caseflow.mint_portal_session lets
 * the admin API create one without the staff role writing the sessions table. It
 * is defined in server/db/sql/functions/ and applied after the migrations; this
 * migration stays so the history of databases that ran it is unchanged.
 */
export async function up(): Promise<void> {}

export async function down(): Promise<void> {}
