import { tenantPublicUrl, type Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import { enterTenant, inScope, type PortalScope, type TenantScope } from '../../db/request-transaction.js';
import { PermissionError, ValidationError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import type { Keyring } from '../../security/keyring.js';
import type { LoginThrottle } from '../../security/login-throttle.js';
import { issueOneTimeToken, LINK_INVALID_MESSAGE, redeemPasswordLink } from '../../security/one-time-tokens.js';
import { checkNewPassword } from '../../security/password-policy.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import type { RateLimits } from '../../security/rate-limits.js';
import { portalActor, recordAudit } from '../audit/service.js';
import { enqueueEmail } from '../email/outbox.js';
import { inFirm } from '../../jobs/worker-scope.js';
import { passwordReset } from '../email/templates.js';
import { contactReader } from '../../i18n/reader.js';
import { requireDeliverable } from '../email/addresses.js';
import { normalizeEmail } from '../../../sdk/email-address.js';
import type { Row } from '../../db/model.js';
import { endSessionsOf } from '../../security/sessions.js';
import { findResettable, passwordHashOf, setPasswordHash } from '../contacts/credentials.js';
import * as tenants from '../tenants/lookup.js';
import { PasswordResetRequestModel } from './models.js';

export const passwordMessages = {
  resetRequested:
    'If this email belongs to a portal account, we have sent it a link to choose a new password. The link works once and expires in 48 hours.',
  linkInvalid: LINK_INVALID_MESSAGE,
  currentPasswordWrong: 'Your current password is incorrect.',
  previewForbidden: 'Credentials cannot be changed in an admin preview.',
};

/**
 * "Forgot password". The answer, and the work behind it, are the same whether or
 * not the email belongs to a contact: a dummy hash check (the cost a login pays)
 * and one recorded request row plus an audit row. A job does the rest after
 * commit (see processResetRequest), so nothing on this path depends on the account.
 */
export async function forgotPassword(
  deps: { config: Pick<Config, 'SMTP_UTF8'>; pool: Pool; rateLimits: RateLimits },
  slug: string,
  email: string,
  meta: RequestMeta,
): Promise<{ message: string }> {
  // Refused by its form alone (a local part outside ASCII without SMTP_UTF8): it tells nothing about accounts.
  requireDeliverable(deps.config, email);
  // Its normal form: the job finds the contact ignoring case (sameEmailSql).
  const normalized = normalizeEmail(email);
  await deps.rateLimits.forgotPassword(meta.ip);
  await verifyPassword(null, normalized);
  await inScope<TenantScope, void>(deps.pool, enterTenant(slug, 'caseflow_auth'), async (db) => {
    // Not through the model: objection would add RETURNING, and caseflow_auth may insert here but not read.
    await db.query('INSERT INTO password_reset_requests (tenant_id, email) VALUES (caseflow.current_tenant(), $1)', [
      normalized,
    ]);
    await recordAudit(db, { action: 'portal.password_reset_requested', actorType: 'anonymous' }, meta);
  });
  return { message: passwordMessages.resetRequested };
}

/**
 * The `process_reset_request` job of one recorded request: a link and an email
 * when the address is an active, portal-enabled contact's and has not had its
 * share of reset emails this window (then silently nothing); then the address
 * is forgotten. A request already processed is left alone (jobs run at least once).
 */
export async function processResetRequest(
  deps: { config: Config; pool: Pool; keyring: Keyring; rateLimits: RateLimits },
  tenantId: string,
  requestId: string,
): Promise<void> {
  await inFirm(deps.pool, tenantId, async (db) => {
    const [request] = await PasswordResetRequestModel.query(db.knex)
      .select('id', 'email')
      .where({ tenant_id: tenantId, id: requestId })
      .whereNull('processed_at')
      .forUpdate()
      .castTo<Pick<Row<PasswordResetRequestModel>, 'id' | 'email'>[]>();
    if (!request) return;
    const firm = (await tenants.findById(db, tenantId))!;
    const contact = await findResettable(db, request.email ?? '');
    if (contact && (await deps.rateLimits.mayEmailReset(tenantId, contact.email))) {
      const link = await issueOneTimeToken(db, 'contact_reset', { contactId: contact.id });
      const base = tenantPublicUrl(deps.config, { tenant_slug: firm.slug, public_url: firm.public_url });
      const url = `${base}/clients/reset-password#token=${link.token}`;
      await enqueueEmail(
        db,
        deps.keyring,
        tenantId,
        contact.email,
        passwordReset({
          reader: contactReader(contact.language, firm),
          firm: firm.name,
          firstName: contact.first_name,
          url,
        }),
      );
      await recordAudit(
        db,
        { action: 'portal.password_reset_sent', actorType: 'system', subjectType: 'contact', subjectId: contact.id },
        { ip: '', userAgent: null, requestId: `reset:${request.id}` },
      );
    }
    await PasswordResetRequestModel.query(db.knex)
      .patch({ processed_at: PasswordResetRequestModel.raw('now()'), email: null } as never)
      .where({ tenant_id: tenantId, id: request.id });
  });
}

/**
 * Sets a contact's password with a welcome or reset link. The new password is
 * hashed before the transaction; the link is consumed atomically in it, so two
 * submissions of one link cannot both succeed. All of the contact's sessions end.
 */
export async function setPassword(
  deps: { pool: Pool },
  slug: string,
  body: { token: string; password: string },
  meta: RequestMeta,
): Promise<{ email: string }> {
  checkNewPassword(body.password);
  const hash = await hashPassword(body.password);
  return inScope<TenantScope, { email: string }>(deps.pool, enterTenant(slug, 'caseflow_auth'), async (db) => {
    const link = await redeemPasswordLink(db, body.token, ['contact_welcome', 'contact_reset'], hash);
    await endSessionsOf(db, { contactId: link.accountId });
    await recordAudit(
      db,
      {
        action: link.purpose === 'contact_welcome' ? 'portal.password_set' : 'portal.password_reset',
        actorType: 'contact',
        actorId: link.accountId,
        subjectType: 'contact',
        subjectId: link.accountId,
      },
      meta,
    );
    return { email: link.email };
  });
}

/**
 * The logged-in contact changes their password: the current one is checked
 * (outside any transaction: the hash is slow), then the new hash is stored and
 * every other session of the contact ends. Refused inside an admin preview.
 * A wrong current password is a failed password guess: audited, and throttled
 * like a login (per contact and IP, and per IP with the logins), so a session
 * holder cannot guess the password without limit.
 */
export async function changePassword(
  deps: { pool: Pool; loginThrottle: LoginThrottle },
  scope: PortalScope,
  body: { current_password: string; new_password: string },
  meta: RequestMeta,
): Promise<void> {
  if (scope.session_kind === 'preview')
    throw new PermissionError('preview_forbidden', passwordMessages.previewForbidden);
  checkNewPassword(body.new_password, 'new_password');
  const throttleScope = `password_change:${scope.tenant_slug}`;
  await deps.loginThrottle.check(throttleScope, scope.contact_id, meta.ip);
  const stored = await inScope<TenantScope, string | null>(
    deps.pool,
    enterTenant(scope.tenant_slug, 'caseflow_auth'),
    async (db) => {
      return passwordHashOf(db, scope.contact_id);
    },
  );
  if (!(await verifyPassword(stored, body.current_password))) {
    await inScope<TenantScope, void>(deps.pool, enterTenant(scope.tenant_slug, 'caseflow_auth'), (db) =>
      recordAudit(
        db,
        {
          action: 'portal.password_change_failed',
          ...portalActor(scope),
          subjectType: 'contact',
          subjectId: scope.contact_id,
        },
        meta,
      ),
    );
    await deps.loginThrottle.recordFailure(throttleScope, scope.contact_id, meta.ip);
    throw new ValidationError(
      passwordMessages.currentPasswordWrong,
      [{ path: 'body.current_password', code: 'incorrect', message: passwordMessages.currentPasswordWrong }],
      'invalid_current_password',
    );
  }
  const hash = await hashPassword(body.new_password);
  await inScope<TenantScope, void>(deps.pool, enterTenant(scope.tenant_slug, 'caseflow_auth'), async (db) => {
    await setPasswordHash(db, scope.contact_id, hash);
    await endSessionsOf(db, { contactId: scope.contact_id }, scope.session_id);
    await recordAudit(
      db,
      { action: 'portal.password_changed', ...portalActor(scope), subjectType: 'contact', subjectId: scope.contact_id },
      meta,
    );
  });
  await deps.loginThrottle.recordSuccess(throttleScope, scope.contact_id, meta.ip);
}
