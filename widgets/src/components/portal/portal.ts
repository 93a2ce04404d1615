import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { PortalClient } from '../../../../sdk/portal-client.js';
import { AuthenticationError } from '../../../../sdk/errors.js';
import type { ClientOptions } from '../../../../sdk/transport.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
import { clientContext, profileContext } from '../../shared/context.js';
import { describeError } from '../../shared/errors.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import type { CaseflowLoginEvent } from '../../events/caseflow-login.js';
import { CaseflowLogoutEvent } from '../../events/caseflow-logout.js';
import { CaseflowUnauthenticatedEvent, type UnauthenticatedDetail } from '../../events/caseflow-unauthenticated.js';
import { portalStyles } from './portal.styles.js';

/**
 * The root of every embedding: creates the API client and provides it, with the
 * signed-in profile, to the widgets inside it (`@lit/context`).
 *
 * Authentication, first match wins:
 * 1. the `token` attribute (a portal session minted by the firm's backend);
 * 2. `token-storage="session"`: a token kept in sessionStorage by an earlier
 *    <caseflow-login> in this tab;
 * 3. otherwise cookie mode (`credentials: 'include'`), as on the hosted portal.
 *
 * A bearer login through <caseflow-login> inside it replaces the token.
 *
 * @tag caseflow-portal
 * @slot - The widgets and any other content.
 * @event caseflow-unauthenticated - There is no session, or the API refused it (detail: `{ reason }`).
 * @event caseflow-logout - `logout()` ended the session.
 * @event caseflow-error - Loading the profile failed for another reason than authentication.
 * @cssprop --caseflow-font-family - Set any `--caseflow-*` property here to theme every widget inside.
 */
export class CaseflowPortal extends LitElement {
  static override styles = portalStyles;

  /** Origin of the API, e.g. `https://acme.caseflow.law`; defaults to the page's origin. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Firm slug sent as the Caseflow-Tenant header; needed only on the shared API host. */
  @property() tenant?: string;

  /** Bearer token of a portal session; takes precedence over `token-storage`. */
  @property() token?: string;

  /** `session`: keep the login token in sessionStorage (this tab only); `none`: memory or cookie only. */
  @property({ attribute: 'token-storage' }) tokenStorage: 'none' | 'session' = 'none';

  /** Read-only: the session as last checked. Reflected as `auth-state` for styling and tests. */
  @property({ attribute: 'auth-state', reflect: true })
  authState: 'pending' | 'authenticated' | 'unauthenticated' | 'error' = 'pending';

  /** The API client the widgets use; a new instance whenever the credentials change. */
  @provide({ context: clientContext }) client?: PortalClient;

  /** The signed-in contact, client and firm; undefined until known. */
  @provide({ context: profileContext }) profile?: PortalProfile;

  /** Set by a login or logout: replaces the attribute and stored token until the attributes change. */
  private sessionToken: string | null | undefined;
  private configKey?: string;
  private profileToLoad?: PortalClient;

  constructor() {
    super();
    this.addEventListener('caseflow-login', this.onLogin);
  }

  // The client is created while connecting, before the children upgrade and ask
  // for it, so a widget that finds no client knows it has no portal around it.
  override connectedCallback(): void {
    super.connectedCallback();
    this.syncClient();
  }

  protected override willUpdate(): void {
    this.syncClient();
  }

  // The profile is fetched after the update, so attributes set one by one right
  // after creation cost one request, not one per attribute.
  protected override updated(): void {
    const client = this.profileToLoad;
    this.profileToLoad = undefined;
    if (client) void this.loadProfile(client);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /**
   * Ends the session on the server, forgets the token and any stored copy, and
   * dispatches `caseflow-logout`. Resolves even when the session had already
   * expired; rejects if the server could not be reached (the local state is
   * cleared anyway).
   */
  async logout(): Promise<void> {
    const client = this.client;
    try {
      await client?.auth.logout();
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
    } finally {
      this.writeStoredToken(undefined);
      this.sessionToken = null;
      this.connect({ profile: undefined });
      this.setSignedOut({ reason: 'no-token' }, { announce: false });
      this.dispatchEvent(new CaseflowLogoutEvent());
    }
  }

  /** No bearer token configured: rely on the hosted portal's session cookie. */
  private get cookieMode(): boolean {
    return !this.token && this.tokenStorage !== 'session';
  }

  private get storageKey(): string {
    return `caseflow.token:${this.tenant ?? ''}@${this.resolvedBaseUrl}`;
  }

  private get resolvedBaseUrl(): string {
    return this.baseUrl || location.origin;
  }

  private currentToken(): string | undefined {
    if (this.sessionToken !== undefined) return this.sessionToken ?? undefined;
    if (this.token) return this.token;
    return this.tokenStorage === 'session' ? this.readStoredToken() : undefined;
  }

  private syncClient(): void {
    const key = [this.resolvedBaseUrl, this.tenant, this.token, this.tokenStorage].join('\n');
    if (key === this.configKey) return;
    // The firm changed the credentials: they win over an earlier login or logout.
    if (this.configKey !== undefined) this.sessionToken = undefined;
    this.configKey = key;
    this.connect();
  }

  /** Provides a fresh client; consumers reload when they see a new instance. */
  private connect(known?: { profile: PortalProfile | undefined }): void {
    const token = this.currentToken();
    const options: ClientOptions = { baseUrl: this.resolvedBaseUrl };
    if (this.tenant) options.tenant = this.tenant;
    if (token) options.token = token;
    else if (this.cookieMode) options.credentials = 'include';
    this.client = new PortalClient(options);
    if (known) {
      this.profile = known.profile;
      return;
    }
    this.profile = undefined;
    this.authState = 'pending';
    this.profileToLoad = this.client;
    this.requestUpdate();
  }

  private async loadProfile(client: PortalClient): Promise<void> {
    if (!this.cookieMode && !client.token) {
      this.setSignedOut({ reason: 'no-token' });
      return;
    }
    try {
      const profile = await client.me();
      if (client !== this.client) return; // superseded by newer credentials
      this.profile = profile;
      this.authState = 'authenticated';
    } catch (error) {
      if (client !== this.client) return;
      if (error instanceof AuthenticationError) {
        if (this.tokenStorage === 'session') this.writeStoredToken(undefined);
        this.setSignedOut({ reason: 'rejected' });
      } else {
        this.authState = 'error';
        this.dispatchEvent(new CaseflowErrorEvent(describeError(error)));
      }
    }
  }

  private setSignedOut(detail: UnauthenticatedDetail, { announce = true } = {}): void {
    this.profile = undefined;
    this.authState = 'unauthenticated';
    if (announce) this.dispatchEvent(new CaseflowUnauthenticatedEvent(detail));
  }

  // <caseflow-login> signed in through our client: in bearer mode the SDK has
  // put the new token on that client. Keep it and hand out a fresh client, so
  // widgets that failed before the login load again.
  private onLogin = (event: CaseflowLoginEvent): void => {
    // A login inside a nested portal is that portal's business.
    if (event.composedPath().find((node) => node instanceof CaseflowPortal) !== this) return;
    const token = this.client?.token;
    if (token) {
      this.sessionToken = token;
      if (this.tokenStorage === 'session') this.writeStoredToken(token);
    }
    this.connect({ profile: event.detail });
    this.authState = 'authenticated';
  };

  // sessionStorage throws when storage is disabled (privacy settings, sandboxed
  // frames); the portal then simply keeps the token in memory.
  private readStoredToken(): string | undefined {
    try {
      return sessionStorage.getItem(this.storageKey) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private writeStoredToken(token: string | undefined): void {
    try {
      if (token) sessionStorage.setItem(this.storageKey, token);
      else sessionStorage.removeItem(this.storageKey);
    } catch {
      /* storage unavailable: memory only */
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-portal': CaseflowPortal;
  }
}
