/**
 * An admin may set a contact's password (DESIGN §2) without the staff role ever
 * reading or writing credential columns directly: the definer function
 * caseflow.set_contact_password, defined in server/db/sql/functions/ and
 * applied after the migrations; this migration stays so the history of
 * databases that ran it is unchanged.
 */
export async function up(): Promise<void> {}

export async function down(): Promise<void> {}
