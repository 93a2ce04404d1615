/**
 * The boot check of SMTP_UTF8=true: the SMTP server must offer SMTPUTF8 in its
 * EHLO answer, or mail to a non-ASCII local part would be refused later, one
 * message at a time. A small conversation of its own (greeting, EHLO, QUIT):
 * nodemailer does not tell which extensions a server offers.
 */
import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import { ConfigError } from '../../config.js';

export const smtpCapabilityMessages = {
  noSmtpUtf8: (host: string) =>
    `SMTP_UTF8=true, but the SMTP server at ${host} does not offer SMTPUTF8 in its EHLO answer: ` +
    'use a server that does, or set SMTP_UTF8=false (addresses with non-ASCII characters before the @ are then refused).',
  unreachable: (host: string, reason: string) =>
    `SMTP_UTF8=true, but the SMTP server at ${host} could not be asked what it offers: ${reason}`,
};

/** The extension keywords of the server's EHLO answer (upper case), e.g. ["PIPELINING", "8BITMIME", "SMTPUTF8"]. */
export function ehloExtensions(smtpUrl: string, timeoutMs = 10_000): Promise<string[]> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({ host: url.hostname, port, servername: url.hostname })
      : net.connect({ host: url.hostname, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.setEncoding('utf8');
    let buffer = '';
    let step: 'greeting' | 'ehlo' = 'greeting';
    const lines: string[] = [];
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        lines.push(line);
        // A reply ends with a line whose code is followed by a space (RFC 5321 §4.2).
        if (!/^\d{3} /.test(line) && line.length !== 3) continue;
        const reply = lines.splice(0);
        if (!reply[reply.length - 1]!.startsWith('2')) {
          socket.destroy();
          return reject(new Error(`the server answered: ${reply.join(' / ')}`));
        }
        if (step === 'greeting') {
          step = 'ehlo';
          socket.write(`EHLO ${os.hostname() || 'localhost'}\r\n`);
        } else {
          socket.end('QUIT\r\n');
          return resolve(reply.slice(1).map((l) => l.slice(4).split(' ')[0]!.toUpperCase()));
        }
      }
    });
  });
}

/** Throws a sentence for the operator (a ConfigError: the server refuses to start) when SMTP_UTF8 is on and the SMTP server does not offer SMTPUTF8. */
export async function requireSmtpUtf8(smtpUrl: string): Promise<void> {
  const host = new URL(smtpUrl).host;
  let extensions: string[];
  try {
    extensions = await ehloExtensions(smtpUrl);
  } catch (error) {
    throw new ConfigError(smtpCapabilityMessages.unreachable(host, (error as Error).message));
  }
  if (!extensions.includes('SMTPUTF8')) throw new ConfigError(smtpCapabilityMessages.noSmtpUtf8(host));
}
