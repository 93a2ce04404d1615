import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { PortalPermission } from '../../../../sdk/schemas/contacts.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { gateStyles } from './gate.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  denied: (firm: string) =>
    msg('You do not have access to this part of the portal. Ask {firm} if you need it.', { firm }),
};

/**
 * `pending`: the profile is not known yet; `granted`: the content is shown;
 * `locked`: the firm's plan has no portal; `denied`: the contact lacks the permission.
 */
type Access = 'pending' | 'granted' | 'locked' | 'denied';

/**
 * Shows a portal section only to a contact who may use it. The section's
 * content sits in a `<template>` child, so nothing in it exists (no widget, no
 * API call) until the profile shows the permission; it is then stamped in place.
 *
 * ```html
 * <caseflow-gate section="invoices">
 *   <template><h1>Invoices</h1><caseflow-invoice-list></caseflow-invoice-list></template>
 * </caseflow-gate>
 * ```
 *
 * Without the permission it says so; on a plan without the portal (`solo`) it
 * shows nothing, leaving the upgrade prompt to <caseflow-nav>. Outside a
 * <caseflow-portal> it shows only a message saying so (part `error`).
 *
 * @tag caseflow-gate
 * @slot - A `<template>` with the section's content.
 * @csspart message - Why the section is not shown (`role="status"`).
 * @csspart error - The message shown outside a <caseflow-portal>.
 * @event caseflow-error - Inherited from the widget base; this widget calls no API, so it never fires it.
 */
export class CaseflowGate extends CaseflowElement {
  static override styles = gateStyles;

  /** The permission the content needs. */
  @property() section?: PortalPermission;

  /**
   * Read-only: `pending` until the profile is known, then `granted` (the content is shown), `locked` (a plan
   * without the portal) or `denied` (no permission). Reflected as `access` for styling and tests.
   */
  @property({ reflect: true }) access: Access = 'pending';

  /** The nodes stamped from the template, removed again if access goes. */
  private stamped: Node[] = [];

  protected override willUpdate(): void {
    const profile = this.profile;
    if (!profile) this.access = 'pending';
    else if (profile.firm.plan === 'solo') this.access = 'locked';
    else this.access = this.section && profile.permissions.includes(this.section) ? 'granted' : 'denied';
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    return html`
      <slot></slot>
      <p part="message" class="message" role="status">
        ${this.access === 'denied' ? messages.denied(this.profile!.firm.name) : nothing}
      </p>
    `;
  }

  protected override updated(): void {
    if (this.access === 'granted' && !this.stamped.length) {
      const template = this.querySelector(':scope > template');
      if (!(template instanceof HTMLTemplateElement)) return;
      const content = document.importNode(template.content, true);
      this.stamped = [...content.childNodes];
      this.append(content);
    } else if (this.access !== 'granted' && this.stamped.length) {
      for (const node of this.stamped) node.parentNode?.removeChild(node);
      this.stamped = [];
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-gate': CaseflowGate;
  }
}
