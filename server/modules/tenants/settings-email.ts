import type { RenderedEmail } from '../email/templates.js';

/**
 * The warning every admin gets when the payment instructions change: changed
 * bank details are how wire fraud works, so the people who can undo it hear at
 * once who changed what, and from what to what.
 */

export interface InstructionsText {
  bank_details: string | null;
  remit_to: string | null;
  notes: string | null;
}

const labels: Record<keyof InstructionsText, string> = {
  bank_details: 'Bank details',
  remit_to: 'Remit to',
  notes: 'Notes',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const shown = (value: string | null) => value ?? '(none)';

export function paymentInstructionsChanged(p: {
  firm: string;
  firstName: string;
  changedBy: string;
  when: string;
  old: InstructionsText;
  new: InstructionsText;
}): RenderedEmail {
  const fields = (Object.keys(labels) as (keyof InstructionsText)[]).filter((key) => p.old[key] !== p.new[key]);
  const intro = `${p.changedBy} changed the payment instructions of ${p.firm} on ${p.when}. Clients now see the new text on every invoice they can pay.`;
  const warning =
    'If you did not expect this change, contact the firm’s other admins at once: changed bank details are how invoice fraud works.';
  const text = [
    `Hello ${p.firstName},`,
    intro,
    ...fields.map((key) => `${labels[key]}\nWas:\n${shown(p.old[key])}\nNow:\n${shown(p.new[key])}`),
    warning,
    `— ${p.firm}`,
  ];
  const pre = (value: string | null) =>
    `<pre style="font-family: inherit; white-space: pre-wrap; margin: 0 0 8px">${escapeHtml(shown(value))}</pre>`;
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937">
<h1 style="font-size: 18px">${escapeHtml(p.firm)}</h1>
<p>${escapeHtml(`Hello ${p.firstName},`)}</p>
<p>${escapeHtml(intro)}</p>
${fields
  .map(
    (key) =>
      `<h2 style="font-size: 15px">${escapeHtml(labels[key])}</h2>\n<p style="margin: 0">Was:</p>${pre(p.old[key])}\n<p style="margin: 0">Now:</p>${pre(p.new[key])}`,
  )
  .join('\n')}
<p><strong>${escapeHtml(warning)}</strong></p>
</body></html>`;
  return {
    template: 'payment_instructions_changed',
    subject: `Payment instructions were changed at ${p.firm}`,
    text: text.join('\n\n') + '\n',
    html,
  };
}
