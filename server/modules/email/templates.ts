/**
 * The emails, in text and HTML, each naming the firm and written for its
 * reader (server/i18n/reader.ts): every sentence in their language
 * (server/i18n/<lang>/email.ts), money and dates in their locale, the HTML
 * with `lang` and `dir`. Every value put into HTML is escaped; links are built
 * by the caller from the firm's public URL.
 */
import { formatCalendarDate, formatLocalMoney } from '../../../sdk/format.js';
import { interpolate, type MessageParams } from '../../../sdk/i18n.js';
import type { Reader } from '../../i18n/reader.js';

export interface RenderedEmail {
  template: string;
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One sentence of an email: its translation, still with its `{placeholders}`,
 * and their values. Kept apart until the end so that the HTML can isolate each
 * value (<bdi>): an amount, a number or a Latin firm name keeps its own
 * direction inside an Arabic sentence.
 */
export interface Sentence {
  template: string;
  params?: MessageParams;
}

/** A sentence from `msg('English {x}')` (the translation with its placeholders left in) and its values. */
export const sentence = (template: string, params?: MessageParams): Sentence => ({ template, params });

export const asText = (s: Sentence) => interpolate(s.template, s.params);

export function asHtml(s: Sentence): string {
  const params = s.params
    ? Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, `<bdi>${escapeHtml(String(v))}</bdi>`]))
    : undefined;
  return interpolate(escapeHtml(s.template), params);
}

/** The opening of an email's HTML: its language and direction, on <html> and <body> (some mail apps keep only the body). */
export function htmlStart(reader: Reader): string {
  const dir = `dir="${reader.dir}"`;
  return `<!doctype html>
<html lang="${escapeHtml(reader.locale)}" ${dir}><body ${dir} style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937">`;
}

interface Content {
  template: string;
  subject: Sentence;
  paragraphs: Sentence[];
  action: { label: string; url: string };
  footer: Sentence[];
}

function render(reader: Reader, firm: string, c: Content): RenderedEmail {
  const footerText = c.footer.map(asText).join(' ');
  const text =
    [...c.paragraphs.map(asText), `${c.action.label}: ${c.action.url}`, footerText, `— ${firm}`].join('\n\n') + '\n';
  const html = `${htmlStart(reader)}
<h1 style="font-size: 18px">${escapeHtml(firm)}</h1>
${c.paragraphs.map((p) => `<p>${asHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(c.action.url)}" style="display: inline-block; padding: 10px 16px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 6px">${escapeHtml(c.action.label)}</a></p>
<p style="font-size: 13px; color: #6b7280">${c.footer.map(asHtml).join(' ')}</p>
</body></html>`;
  return { template: c.template, subject: asText(c.subject), text, html };
}

interface Greeted {
  reader: Reader;
  firm: string;
  firstName: string;
  url: string;
}

const hello = ({ reader, firstName }: Greeted) => sentence(reader.msg('Hello {name},'), { name: firstName });
const expiry = (reader: Reader) => sentence(reader.msg('This link works once and expires in 48 hours.'));

export function staffInvite(p: Greeted): RenderedEmail {
  const { msg } = p.reader;
  return render(p.reader, p.firm, {
    template: 'staff_invite',
    subject: sentence(msg("You're invited to {firm} on CaseFlow"), { firm: p.firm }),
    paragraphs: [
      hello(p),
      sentence(msg('{firm} has invited you to its CaseFlow workspace. Choose a password to get started.'), {
        firm: p.firm,
      }),
    ],
    action: { label: msg('Set your password'), url: p.url },
    footer: [expiry(p.reader), sentence(msg('If you did not expect this invitation, ignore this email.'))],
  });
}

export function contactWelcome(p: Greeted): RenderedEmail {
  const { msg } = p.reader;
  return render(p.reader, p.firm, {
    template: 'contact_welcome',
    subject: sentence(msg('Your client portal at {firm}'), { firm: p.firm }),
    paragraphs: [
      hello(p),
      sentence(
        msg(
          '{firm} has opened a client portal for you: your invoices, documents and more in one place. Choose a password to log in.',
        ),
        { firm: p.firm },
      ),
    ],
    action: { label: msg('Set your password'), url: p.url },
    footer: [expiry(p.reader), sentence(msg('If you did not expect this email, you can ignore it.'))],
  });
}

export function passwordReset(p: Greeted): RenderedEmail {
  const { msg } = p.reader;
  return render(p.reader, p.firm, {
    template: 'password_reset',
    subject: sentence(msg('Reset your {firm} portal password'), { firm: p.firm }),
    paragraphs: [
      hello(p),
      sentence(msg('Someone asked to reset the password of your {firm} client portal account.'), { firm: p.firm }),
    ],
    action: { label: msg('Choose a new password'), url: p.url },
    footer: [
      expiry(p.reader),
      sentence(msg('If you did not ask for this, ignore this email: your password stays as it is.')),
    ],
  });
}

/** Sent once per Stripe payment to the contact who paid; amounts are minor units of `currency`. */
export function paymentReceipt(
  p: Greeted & { invoiceNumber: string; amount: number; balance: number; currency: string },
): RenderedEmail {
  const { msg, locale } = p.reader;
  const money = (amount: number) => formatLocalMoney(amount, p.currency, locale);
  return render(p.reader, p.firm, {
    template: 'payment_receipt',
    subject: sentence(msg('Payment received: Invoice {number}'), { number: p.invoiceNumber }),
    paragraphs: [
      hello(p),
      sentence(msg('We received your payment of {amount} for Invoice {number}. Thank you.'), {
        amount: money(p.amount),
        number: p.invoiceNumber,
      }),
      p.balance === 0
        ? sentence(msg('The invoice is now paid in full.'))
        : sentence(msg('The balance still due is {amount}.'), { amount: money(p.balance) }),
    ],
    action: { label: msg('View your invoices'), url: p.url },
    footer: [sentence(msg('Keep this email as your receipt. Card payments are processed by Stripe.'))],
  });
}

/** A sent (or re-sent) invoice: number, amount due and due date, with a link to it in the hosted portal. */
export function invoiceSent(
  p: Greeted & {
    number: string;
    /** Minor units of `currency`. */
    amountDue: number;
    currency: string;
    /** A calendar date, YYYY-MM-DD. */
    dueDate: string | null;
    /** The firm gave payment instructions: the email points to the page, never carries them (an email is easy to forge). */
    howToPay?: boolean;
  },
): RenderedEmail {
  const { msg, locale } = p.reader;
  const amount = formatLocalMoney(p.amountDue, p.currency, locale);
  const values = { firm: p.firm, number: p.number, amount };
  return render(p.reader, p.firm, {
    template: 'invoice_sent',
    subject: sentence(msg('Invoice {number} from {firm}'), { number: p.number, firm: p.firm }),
    paragraphs: [
      hello(p),
      p.dueDate
        ? sentence(msg('{firm} has sent you invoice {number}. Amount due: {amount}, due {date}.'), {
            ...values,
            date: formatCalendarDate(p.dueDate, locale),
          })
        : sentence(msg('{firm} has sent you invoice {number}. Amount due: {amount}.'), values),
      ...(p.howToPay ? [sentence(msg('How to pay is on the invoice page.'))] : []),
    ],
    action: { label: msg('View the invoice'), url: p.url },
    footer: [sentence(msg('You receive this email because your firm lists you as a recipient of its invoices.'))],
  });
}
