import type { Msg } from '../../../sdk/i18n.js';
import type { Reader } from '../../i18n/reader.js';
import { asHtml, asText, escapeHtml, htmlStart, sentence, type RenderedEmail } from '../email/templates.js';

/**
 * The warning every admin gets when the payment instructions change: changed
 * bank details are how wire fraud works, so the people who can undo it hear at
 * once who changed what, and from what to what. Written for staff: in the
 * firm's language, the time in its locale and time zone.
 */

export interface InstructionsText {
  bank_details: string | null;
  remit_to: string | null;
  notes: string | null;
}

/** Who made the change, as the audit knows them (null name: the user or key is gone). */
export type ChangedBy =
  { kind: 'staff'; name: string | null; email?: string } | { kind: 'api_key'; name: string | null };

const labels: Record<keyof InstructionsText, (msg: Msg) => string> = {
  bank_details: (msg) => msg('Bank details'),
  remit_to: (msg) => msg('Remit to'),
  notes: (msg) => msg('Notes'),
};

function actor(by: ChangedBy, msg: Msg): string {
  if (by.kind === 'staff') return by.name ? `${by.name} (${by.email})` : msg('A staff user');
  return by.name ? msg('The API key "{name}"', { name: by.name }) : msg('An API key');
}

/** A moment in the reader's locale and the firm's time zone, the zone named: "May 4, 2026 at 3:05 PM (America/New_York)". */
export function formatWhen(at: Date, reader: Reader): string {
  const text = new Intl.DateTimeFormat(reader.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: reader.timeZone,
  }).format(at);
  return `${text.replace(/\u202f/g, ' ')} (${reader.timeZone})`;
}

export function paymentInstructionsChanged(p: {
  reader: Reader;
  firm: string;
  firstName: string;
  changedBy: ChangedBy;
  changedAt: Date;
  old: InstructionsText;
  new: InstructionsText;
}): RenderedEmail {
  const { msg } = p.reader;
  const fields = (Object.keys(labels) as (keyof InstructionsText)[]).filter((key) => p.old[key] !== p.new[key]);
  const shown = (value: string | null) => value ?? msg('(none)');
  const hello = sentence(msg('Hello {name},'), { name: p.firstName });
  const intro = sentence(
    msg(
      '{actor} changed the payment instructions of {firm} on {when}. Clients now see the new text on every invoice they can pay.',
    ),
    { actor: actor(p.changedBy, msg), firm: p.firm, when: formatWhen(p.changedAt, p.reader) },
  );
  const warning = msg(
    'If you did not expect this change, contact the firm’s other admins at once: changed bank details are how invoice fraud works.',
  );
  const was = msg('Was:');
  const now = msg('Now:');
  const text = [
    asText(hello),
    asText(intro),
    ...fields.map((key) => `${labels[key](msg)}\n${was}\n${shown(p.old[key])}\n${now}\n${shown(p.new[key])}`),
    warning,
    `— ${p.firm}`,
  ];
  const pre = (value: string | null) =>
    `<pre style="font-family: inherit; white-space: pre-wrap; margin: 0 0 8px">${escapeHtml(shown(value))}</pre>`;
  const html = `${htmlStart(p.reader)}
<h1 style="font-size: 18px">${escapeHtml(p.firm)}</h1>
<p>${asHtml(hello)}</p>
<p>${asHtml(intro)}</p>
${fields
  .map(
    (key) =>
      `<h2 style="font-size: 15px">${escapeHtml(labels[key](msg))}</h2>\n<p style="margin: 0">${escapeHtml(was)}</p>${pre(p.old[key])}\n<p style="margin: 0">${escapeHtml(now)}</p>${pre(p.new[key])}`,
  )
  .join('\n')}
<p><strong>${escapeHtml(warning)}</strong></p>
</body></html>`;
  return {
    template: 'payment_instructions_changed',
    subject: msg('Payment instructions were changed at {firm}', { firm: p.firm }),
    text: text.join('\n\n') + '\n',
    html,
  };
}
