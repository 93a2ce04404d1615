/**
 * Credential checks and credential side effects as definer functions owned by
 * caseflow_auth: the second enter_portal_session, enter_admin,
 * end_staff_session, issue_one_time_token and the revocation triggers'
 * functions. They are defined in server/db/sql/functions/ (one file each) and
 * applied after the migrations; this migration stays so the history of
 * databases that ran it is unchanged.
 */
export async function up(): Promise<void> {}

export async function down(): Promise<void> {}
