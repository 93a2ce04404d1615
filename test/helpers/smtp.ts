import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The envelope: MAIL FROM and RCPT TO addresses exactly as the client wrote them on the wire. */
  envelope: { from: string; to: string[] };
  /** The To header as it arrived (before any decoding). */
  rawTo: string;
  /** Whether the client asked for SMTPUTF8 (MAIL FROM … SMTPUTF8). */
  smtpUtf8: boolean;
}

export interface TestSmtp {
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message to `to`, in its To header or its envelope (waiting for it if needed). */
  waitFor(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server process-local to the test (the smtp-server package), on
 * loopback. With `refuseFirst`, it answers the first that many recipients with a
 * temporary failure (451), as a busy server does; with `delayMs`, it takes that
 * long to accept each message; with `hideSMTPUTF8`, its EHLO does not offer SMTPUTF8.
 */
export async function startSmtp(
  options: { refuseFirst?: number; delayMs?: number; hideSMTPUTF8?: boolean } = {},
): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  let refused = 0;
  // The MAIL FROM and RCPT TO lines of each connection's current transaction, as the client wrote them:
  // smtp-server hands its callbacks addresses with punycode domains already decoded.
  const wire = new Map<string, string[]>();
  const quiet = () => undefined;
  const logger = {
    info: quiet,
    warn: quiet,
    error: quiet,
    trace: quiet,
    fatal: quiet,
    debug: (meta: { tnx?: string; cid?: string; command?: string }, _format: string, line?: string) => {
      if (meta?.tnx !== 'command' || !meta.cid || typeof line !== 'string') return;
      if (meta.command === 'MAIL') wire.set(meta.cid, [line]);
      else if (meta.command === 'RCPT') wire.get(meta.cid)?.push(line);
    },
  };
  const addressOf = (line: string) => /<([^>]*)>/.exec(line)?.[1] ?? '';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger,
    hideSMTPUTF8: options.hideSMTPUTF8 ?? false,
    onRcptTo(_address, _session, callback) {
      if (refused < (options.refuseFirst ?? 0)) {
        refused += 1;
        const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail: ParsedMail) => {
          const to = Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? '');
          const rawTo = mail.headerLines.find((h) => h.key === 'to')?.line.replace(/^To:\s*/i, '') ?? '';
          const lines = wire.get(session.id) ?? [];
          messages.push({
            from: mail.from?.text ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: String(mail.html || ''),
            envelope: {
              from: addressOf(lines[0] ?? ''),
              to: lines.slice(1).map(addressOf),
            },
            rawTo,
            smtpUtf8: session.envelope.smtpUtf8 === true,
          });
          for (const wake of waiters.splice(0)) wake();
          // A slow server (delayMs) keeps each delivery busy for a while.
          setTimeout(callback, options.delayMs ?? 0);
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (to, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const found = messages.find((m) => m.to.includes(to) || m.envelope.to.some((rcpt) => rcpt.includes(to)));
          if (found) {
            clearTimeout(deadline);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The single-use link token in an email's text (#token=…). */
export function linkToken(mail: ReceivedMail): string {
  const match = /#token=(cfl_[A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no link token in:\n${mail.text}`);
  return match[1]!;
}
