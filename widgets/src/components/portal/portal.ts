import { LitElement, html, type PropertyDeclarations } from 'lit';
import { PortalClient } from '../../../../sdk/portal-client.js';
import { AuthenticationError } from '../../../../sdk/errors.js';
import type { ClientOptions } from '../../../../sdk/transport.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
import { isRightToLeft, pickLanguage } from '../../../../sdk/i18n.js';
import { ContextProvider, clientContext, profileContext } from '../../base/context.js';
import { useLanguage } from '../../base/localize.js';
import { describeError } from '../../base/errors.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import type { CaseflowLoginEvent } from '../../events/caseflow-login.js';
import { CaseflowLogoutEvent } from '../../events/caseflow-logout.js';
import { CaseflowUnauthenticatedEvent, type UnauthenticatedDetail } from '../../events/caseflow-unauthenticated.js';
import type { Appearance } from '../../base/appearance.js';
import { portalStyles } from './portal.styles.js';

/**
 * The root of every embedding: creates the API client and provides it, with the
 * signed-in profile, to the widgets inside it (the community context protocol).
 *
 * Authentication, first match wins:
 * 1. the `token` attribute (a portal session minted by the firm's backend);
 * 2. `token-storage="session"`: a token kept in sessionStorage by an earlier
 *    <caseflow-login> in this tab;
 * 3. otherwise cookie mode (`credentials: 'include'`), as on the hosted portal.
 *
 * A bearer login through <caseflow-login> inside it replaces the token.
 *
 * Language (English, Spanish, French, German or Arabic), first match wins: the
 * `locale` attribute, the signed-in contact's own choice, the page's
 * `<html lang>`, the firm's default locale, the browser's languages, else
 * English. The portal sets `lang` and `dir` (`rtl` for Arabic) on itself, so
 * every widget inside speaks that language and mirrors right to left; a
 * catalog other than English is fetched the first time it is needed.
 *
 * Theming: every `--caseflow-*` design token is declared here and inherits
 * into the widgets inside; set them on the portal from the page's CSS, or
 * through `appearance`. `theme` picks the light or dark set.
 *
 * @tag caseflow-portal
 * @slot - The widgets and any other content.
 * @event caseflow-unauthenticated - There is no session, or the API refused it (detail: `{ reason }`).
 * @event caseflow-logout - `logout()` ended the session.
 * @event caseflow-error - Loading the profile failed for another reason than authentication.
 * @cssprop --caseflow-color-primary - Brand colour: buttons (its companions are derived with AA contrast when set through `appearance`).
 * @cssprop --caseflow-color-on-primary - Text on the brand colour.
 * @cssprop --caseflow-color-primary-hover - Buttons under the pointer.
 * @cssprop --caseflow-color-primary-soft - Tint of the brand colour: highlighted rows, the current navigation entry.
 * @cssprop --caseflow-color-link - Links and accents on the surface.
 * @cssprop --caseflow-color-focus - Focus rings.
 * @cssprop --caseflow-color-background - Page background (painted by the portal in dark mode).
 * @cssprop --caseflow-color-surface - Cards and tables.
 * @cssprop --caseflow-color-text - Body text.
 * @cssprop --caseflow-color-muted - Secondary text: headings of tables, hints, messages.
 * @cssprop --caseflow-color-border - Borders and rules.
 * @cssprop --caseflow-color-success - Paid and success states.
 * @cssprop --caseflow-color-warning - Partially paid and warnings.
 * @cssprop --caseflow-color-danger - Overdue, errors.
 * @cssprop --caseflow-font-family - Every widget's font.
 * @cssprop --caseflow-font-size - Base size (1rem); `-sm`, `-lg` and `-xl` follow a 1.125 scale.
 * @cssprop --caseflow-line-height - Body line height.
 * @cssprop --caseflow-space - Base spacing (1rem); `-xs`, `-sm`, `-lg`, `-xl` around it.
 * @cssprop --caseflow-radius - Corner radius of fields, buttons and cards; `-lg` for panels.
 * @cssprop --caseflow-badge-radius - Corner radius of status badges.
 * @cssprop --caseflow-shadow - Raised panels; `-sm` for cards.
 */
export class CaseflowPortal extends LitElement {
  static override styles = portalStyles;

  // Declared here rather than with decorators (see CaseflowElement).
  static override properties: PropertyDeclarations = {
    locale: {},
    baseUrl: { attribute: 'base-url' },
    tenant: {},
    token: {},
    tokenStorage: { attribute: 'token-storage' },
    theme: { reflect: true },
    appearance: { attribute: false },
    authState: { attribute: 'auth-state', reflect: true },
  };

  /**
   * The language of every widget inside, as a BCP 47 tag (`ar`, `es-MX`): overrides
   * the contact's choice and the firm's default. Unset: the contact's choice,
   * else the page's `lang`, else the firm's locale, else the browser's.
   */
  locale?: string;

  /** Origin of the API, e.g. `https://acme.caseflow.law`; defaults to the page's origin. */
  baseUrl?: string;

  /** Firm slug sent as the Caseflow-Tenant header; needed only on the shared API host. */
  tenant?: string;

  /** Bearer token of a portal session; takes precedence over `token-storage`. */
  token?: string;

  /** `session`: keep the login token in sessionStorage (this tab only); `none`: memory or cookie only. */
  tokenStorage: 'none' | 'session' = 'none';

  /** `light` (default), `dark`, or `auto` to follow the system's setting. Picks the token set. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  /**
   * Theme through JavaScript: `{ theme?, variables?: { colorPrimary, fontFamily, radius, … } }`.
   * Each variable sets the `--caseflow-*` token of the same name (camelCase); a
   * `colorPrimary` also derives its companions with AA contrast.
   */
  appearance?: Appearance;

  /** Read-only: the session as last checked. Reflected as `auth-state` for styling and tests. */
  authState: 'pending' | 'authenticated' | 'unauthenticated' | 'error' = 'pending';

  readonly #clientProvider = new ContextProvider(this, clientContext, undefined);
  readonly #profileProvider = new ContextProvider(this, profileContext, undefined);

  /** The API client the widgets use; a new instance whenever the credentials change. */
  get client(): PortalClient | undefined {
    return this.#clientProvider.value;
  }
  set client(client: PortalClient | undefined) {
    this.#clientProvider.set(client);
  }

  /** The signed-in contact, client and firm; undefined until known. */
  get profile(): PortalProfile | undefined {
    return this.#profileProvider.value;
  }
  set profile(profile: PortalProfile | undefined) {
    this.#profileProvider.set(profile);
    this.#chooseLanguage();
  }

  /** Set by a login or logout: replaces the attribute and stored token until the attributes change. */
  #sessionToken: string | null | undefined;
  #configKey?: string;
  #profileToLoad?: PortalClient;

  constructor() {
    super();
    this.addEventListener('caseflow-login', this.#onLogin);
  }

  // The client is created while connecting, before the children upgrade and ask
  // for it, so a widget that finds no client knows it has no portal around it.
  override connectedCallback(): void {
    super.connectedCallback();
    this.#syncClient();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('appearance') && this.appearance?.theme) this.theme = this.appearance.theme;
    if (changed.has('locale')) this.#chooseLanguage();
    this.#syncClient();
  }

  /** Decides the page's language (see the class comment), marks it on the portal and loads its catalog. */
  #chooseLanguage(): void {
    const profile = this.profile;
    const language = pickLanguage(
      this.locale,
      profile?.contact.language,
      document.documentElement.lang,
      profile?.firm.locale,
      ...navigator.languages,
    );
    // Arabic turns every widget inside; leaving it (and only then) takes the portal's `dir` back, so
    // otherwise the page's direction, or the firm's own `dir` on the portal, holds.
    if (isRightToLeft(language)) this.dir = 'rtl';
    else if (this.lang === 'ar') this.dir = '';
    this.lang = language;
    useLanguage(language);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#appearanceApplied?.();
  }

  // The profile is fetched after the update, so attributes set one by one right
  // after creation cost one request, not one per attribute.
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('appearance') || changed.has('theme')) void this.#applyAppearance();
    const client = this.#profileToLoad;
    this.#profileToLoad = undefined;
    if (client) void this.#loadProfile(client);
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
      this.#writeStoredToken(undefined);
      this.#sessionToken = null;
      this.#connect({ profile: undefined });
      this.#setSignedOut({ reason: 'no-token' }, { announce: false });
      this.dispatchEvent(new CaseflowLogoutEvent());
    }
  }

  /** Stops an appearance with theme `auto` following the system's setting; set once an appearance was applied. */
  #appearanceApplied?: () => void;

  /**
   * Sets the appearance's tokens as inline custom properties (base/appearance.ts).
   * Its code (the AA colour derivation) is fetched only once a page sets an
   * appearance: most pages never do.
   */
  async #applyAppearance(): Promise<void> {
    if (!this.appearance && !this.#appearanceApplied) return;
    this.#appearanceApplied ??= () => {};
    const { applyAppearance } = await import('../../base/appearance.js');
    this.#appearanceApplied();
    this.#appearanceApplied = applyAppearance(this);
  }

  /** No bearer token configured: rely on the hosted portal's session cookie. */
  get #cookieMode(): boolean {
    return !this.token && this.tokenStorage !== 'session';
  }

  get #storageKey(): string {
    return `caseflow.token:${this.tenant ?? ''}@${this.#resolvedBaseUrl}`;
  }

  get #resolvedBaseUrl(): string {
    return this.baseUrl || location.origin;
  }

  #currentToken(): string | undefined {
    if (this.#sessionToken !== undefined) return this.#sessionToken ?? undefined;
    if (this.token) return this.token;
    return this.tokenStorage === 'session' ? this.#readStoredToken() : undefined;
  }

  #syncClient(): void {
    const key = [this.#resolvedBaseUrl, this.tenant, this.token, this.tokenStorage].join('\n');
    if (key === this.#configKey) return;
    // The firm changed the credentials: they win over an earlier login or logout.
    if (this.#configKey !== undefined) this.#sessionToken = undefined;
    this.#configKey = key;
    this.#connect();
  }

  /** Provides a fresh client; consumers reload when they see a new instance. */
  #connect(known?: { profile: PortalProfile | undefined }): void {
    const token = this.#currentToken();
    const options: ClientOptions = { baseUrl: this.#resolvedBaseUrl };
    if (this.tenant) options.tenant = this.tenant;
    if (token) options.token = token;
    else if (this.#cookieMode) options.credentials = 'include';
    this.client = new PortalClient(options);
    if (known) {
      this.profile = known.profile;
      return;
    }
    this.profile = undefined;
    this.authState = 'pending';
    this.#profileToLoad = this.client;
    this.requestUpdate();
  }

  async #loadProfile(client: PortalClient): Promise<void> {
    if (!this.#cookieMode && !client.token) {
      this.#setSignedOut({ reason: 'no-token' });
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
        if (this.tokenStorage === 'session') this.#writeStoredToken(undefined);
        this.#setSignedOut({ reason: 'rejected' });
      } else {
        this.authState = 'error';
        this.dispatchEvent(new CaseflowErrorEvent(describeError(error)));
      }
    }
  }

  #setSignedOut(detail: UnauthenticatedDetail, { announce = true } = {}): void {
    this.profile = undefined;
    this.authState = 'unauthenticated';
    if (announce) this.dispatchEvent(new CaseflowUnauthenticatedEvent(detail));
  }

  // <caseflow-login> signed in through our client: in bearer mode the SDK has
  // put the new token on that client. Keep it and hand out a fresh client, so
  // widgets that failed before the login load again.
  #onLogin = (event: CaseflowLoginEvent): void => {
    // A login inside a nested portal is that portal's business.
    if (event.composedPath().find((node) => node instanceof CaseflowPortal) !== this) return;
    const token = this.client?.token;
    if (token) {
      this.#sessionToken = token;
      if (this.tokenStorage === 'session') this.#writeStoredToken(token);
    }
    this.#connect({ profile: event.detail });
    this.authState = 'authenticated';
  };

  // sessionStorage throws when storage is disabled (privacy settings, sandboxed
  // frames); the portal then simply keeps the token in memory.
  #readStoredToken(): string | undefined {
    try {
      return sessionStorage.getItem(this.#storageKey) ?? undefined;
    } catch {
      return undefined;
    }
  }

  #writeStoredToken(token: string | undefined): void {
    try {
      if (token) sessionStorage.setItem(this.#storageKey, token);
      else sessionStorage.removeItem(this.#storageKey);
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
