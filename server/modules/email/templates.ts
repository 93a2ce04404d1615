/**
 * The identity emails, in text and HTML, each naming the firm. Every value put
 * into HTML is escaped; links are built by the caller from the firm's public URL.
 */
export interface RenderedEmail {
  template: string;
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(firm: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937">
<h1 style="font-size: 18px">${escapeHtml(firm)}</h1>
${body}
<p><a href="${escapeHtml(action.url)}" style="display: inline-block; padding: 10px 16px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 6px">${escapeHtml(action.label)}</a></p>
<p style="font-size: 13px; color: #6b7280">${escapeHtml(footer)}</p>
</body></html>`;
}

function render(
  template: string,
  subject: string,
  firm: string,
  paragraphs: string[],
  action: { label: string; url: string },
  footer: string,
): RenderedEmail {
  const text = [...paragraphs, `${action.label}: ${action.url}`, footer, `— ${firm}`].join('\n\n') + '\n';
  return { template, subject, text, html: layout(firm, paragraphs, action, footer) };
}

const expiry = 'This link works once and expires in 48 hours.';

export function staffInvite(p: { firm: string; firstName: string; url: string }): RenderedEmail {
  return render(
    'staff_invite',
    `You're invited to ${p.firm} on CaseFlow`,
    p.firm,
    [`Hello ${p.firstName},`, `${p.firm} has invited you to its CaseFlow workspace. Choose a password to get started.`],
    { label: 'Set your password', url: p.url },
    `${expiry} If you did not expect this invitation, ignore this email.`,
  );
}

export function contactWelcome(p: { firm: string; firstName: string; url: string }): RenderedEmail {
  return render(
    'contact_welcome',
    `Your client portal at ${p.firm}`,
    p.firm,
    [
      `Hello ${p.firstName},`,
      `${p.firm} has opened a client portal for you: your invoices, documents and more in one place. Choose a password to log in.`,
    ],
    { label: 'Set your password', url: p.url },
    `${expiry} If you did not expect this email, you can ignore it.`,
  );
}

export function passwordReset(p: { firm: string; firstName: string; url: string }): RenderedEmail {
  return render(
    'password_reset',
    `Reset your ${p.firm} portal password`,
    p.firm,
    [`Hello ${p.firstName},`, `Someone asked to reset the password of your ${p.firm} client portal account.`],
    { label: 'Choose a new password', url: p.url },
    `${expiry} If you did not ask for this, ignore this email: your password stays as it is.`,
  );
}

/** Sent once per Stripe payment to the contact who paid; amounts come preformatted in the firm's locale. */
export function paymentReceipt(p: {
  firm: string;
  firstName: string;
  invoiceNumber: string;
  amount: string;
  balance: string;
  paidInFull: boolean;
  url: string;
}): RenderedEmail {
  return render(
    'payment_receipt',
    `Payment received: Invoice ${p.invoiceNumber}`,
    p.firm,
    [
      `Hello ${p.firstName},`,
      `We received your payment of ${p.amount} for Invoice ${p.invoiceNumber}. Thank you.`,
      p.paidInFull ? 'The invoice is now paid in full.' : `The balance still due is ${p.balance}.`,
    ],
    { label: 'View your invoices', url: p.url },
    'Keep this email as your receipt. Card payments are processed by Stripe.',
  );
}

/** A sent (or re-sent) invoice: number, amount due and due date, with a link to it in the hosted portal. */
export function invoiceSent(p: {
  firm: string;
  firstName: string;
  number: string;
  amountDue: string;
  dueDate: string | null;
  url: string;
  /** The firm gave payment instructions: the email points to the page, never carries them (an email is easy to forge). */
  howToPay?: boolean;
}): RenderedEmail {
  return render(
    'invoice_sent',
    `Invoice ${p.number} from ${p.firm}`,
    p.firm,
    [
      `Hello ${p.firstName},`,
      `${p.firm} has sent you invoice ${p.number}. Amount due: ${p.amountDue}${p.dueDate ? `, due ${p.dueDate}` : ''}.`,
      ...(p.howToPay ? ['How to pay is on the invoice page.'] : []),
    ],
    { label: 'View the invoice', url: p.url },
    'You receive this email because your firm lists you as a recipient of its invoices.',
  );
}
