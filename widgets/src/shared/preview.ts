// The admin preview's bearer token lives in the tab's sessionStorage under this
// key (on the firm's host, so per firm): each tab's preview is its own, and the
// portal cookie — a client's own session in the same browser — is never touched.
export const previewTokenKey = 'caseflow.preview-token';

/** The preview token of this tab, if any (storage may be disabled: then there is none). */
export function readPreviewToken(): string | undefined {
  try {
    return sessionStorage.getItem(previewTokenKey) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps (or with undefined, forgets) this tab's preview token. */
export function writePreviewToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(previewTokenKey, token);
    else sessionStorage.removeItem(previewTokenKey);
  } catch {
    /* storage unavailable: the preview cannot outlive this page */
  }
}
