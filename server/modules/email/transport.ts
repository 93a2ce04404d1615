import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { wireAddress } from '../../../sdk/email-address.js';
import type { Config } from '../../config.js';

export interface OutgoingMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  /** Where mail goes, for the startup banner: an SMTP host or the mail folder. */
  describe(): string;
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** The folder that holds one .eml per message when no SMTP_URL is set. */
export function mailDir(config: Config): string {
  return path.join(config.dataDir, 'mail');
}

/**
 * The outbox id doubles as the Message-ID, so a message can be traced from the outbox to a mailbox.
 * The recipient's domain goes out in its ASCII form (`zoe@xn--rsted-uua.example`), in the envelope
 * and the To header alike, so any server routes it; an address with a non-ASCII local part stays
 * as it is, and nodemailer then asks for SMTPUTF8 (MAIL FROM … SMTPUTF8).
 */
function mailOptions(m: OutgoingMessage) {
  const to = wireAddress(m.to);
  return { messageId: `<${m.id}@caseflow>`, from: m.from, to, subject: m.subject, text: m.text, html: m.html };
}

/** SMTP when SMTP_URL is set; otherwise .eml files in the data directory (the demo needs no mail server). */
export function createMailTransport(config: Config): MailTransport {
  if (config.SMTP_URL) {
    const smtp = nodemailer.createTransport(config.SMTP_URL);
    const url = new URL(config.SMTP_URL);
    return {
      describe: () => `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      send: async (m) => {
        await smtp.sendMail(mailOptions(m));
      },
      close: () => smtp.close(),
    };
  }
  const dir = mailDir(config);
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: () => dir,
    send: async (m) => {
      const info = await files.sendMail(mailOptions(m));
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      // Mode 0600: the message carries a single-use link.
      fs.writeFileSync(path.join(dir, `${stamp}-${m.id}.eml`), info.message as Buffer, { mode: 0o600 });
    },
    close: () => files.close(),
  };
}
