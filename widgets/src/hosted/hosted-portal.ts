// Script of the server-rendered hosted portal pages (/clients/login, /clients/,
// /clients/profile, and the set-password pages). The only script a page names:
// it loads each widget's code as the widget appears (loader.ts) and wires
// navigation; the widgets do the work (the navigation's filtering, the gates,
// the forms, the account menu's Log out), so everything from them is imported
// as a type.
import type {} from '../events/caseflow-language-changed.js';
import type {} from '../events/caseflow-login.js';
import type {} from '../events/caseflow-logout.js';
import type {} from '../events/caseflow-unauthenticated.js';
import type {} from '../events/caseflow-preview-started.js';
import { readPreviewToken, writePreviewToken } from '../shared/preview.js';
import { watchForWidgets } from './loader.js';

const paths = {
  home: '/clients/',
  login: '/clients/login',
};

let leaving = false;

function go(path: string): void {
  if (leaving) return; // an event and the initial check may both ask
  leaving = true;
  location.assign(path);
}

// The login page's portal also finds no session: that is expected there.
const isLoginPage = (): boolean => document.querySelector('caseflow-login') !== null;

document.addEventListener('caseflow-login', () => go(paths.home));

// An admin preview ("login as client") opened in this tab: its bearer token, kept
// in the tab's sessionStorage, wins over the portal cookie. The page shell loads
// this script before the widgets, so every portal starts with the token and
// never asks with a cookie. There is no "stop" action: closing the tab ends it.
const previewToken = readPreviewToken();
if (previewToken && !isLoginPage()) {
  for (const portal of document.querySelectorAll('caseflow-portal')) portal.setAttribute('token', previewToken);
  // Expired or ended (the admin demoted, the contact deactivated): forget it.
  document.addEventListener('caseflow-unauthenticated', () => writePreviewToken(undefined));
}

// A contact signing in with a password in this tab replaces the preview: forget its token.
if (previewToken) document.addEventListener('caseflow-login', () => writePreviewToken(undefined));
document.addEventListener('caseflow-preview-started', () => go(paths.home));

document.addEventListener('caseflow-unauthenticated', () => {
  if (!isLoginPage()) go(paths.login);
});

watchForWidgets();

// The portal may have decided before this script listened (if a page loads the
// scripts async, or this one after the widgets): check its state once defined.
void customElements.whenDefined('caseflow-portal').then(() => {
  const portal = document.querySelector('caseflow-portal');
  if (portal?.authState === 'unauthenticated' && !isLoginPage()) go(paths.login);
});

// Log out in the account menu (<caseflow-account>) ends the session through the
// portal, which fires caseflow-logout even when the server was unreachable:
// leaving is still what the person asked for, and the login page shows whether
// they are signed out.
document.addEventListener('caseflow-logout', () => go(paths.login));

// A language chosen in a picker (the login page's, the profile's, the account
// menu's): the widgets already show it, but the page around them is the
// server's. The cookie tells the server the language of pages without a session
// (a signed-in contact's own saved choice comes first); the reload renders this
// page's frame, title and headings in it.
const languageCookieAge = 365 * 24 * 60 * 60;
document.addEventListener('caseflow-language-changed', (event) => {
  const { language } = event.detail;
  document.cookie = `caseflow_language=${language}; Path=/; Max-Age=${languageCookieAge}; SameSite=Lax`;
  // The server already rendered this page in it: nothing to reload.
  if (leaving || document.documentElement.lang.split('-')[0] === language) return;
  leaving = true;
  location.reload();
});
