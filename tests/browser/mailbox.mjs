// The mail the SMTP sink received (aiosmtpd, started by scripts/test, writes
// a Maildir at VERBAND_MAILDIR): read and decoded as a person's mail program would.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MAILDIR = process.env.VERBAND_MAILDIR || '';


export function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i += 1) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words (=?utf-8?b?...?= and =?utf-8?q?...?=). */
export function decodeHeader(value) {
  return value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*/g, (_, _charset, enc, data) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** One stored mail: its headers (lower-case names, unfolded and decoded) and its text body. */
export function parseMail(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  return { headers, body };
}

/** Every mail in the sink's Maildir whose subject mentions `label`. */
export function mailsAbout(label) {
  const found = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(MAILDIR, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const mail = parseMail(readFileSync(join(dir, name), 'utf8'));
      if ((mail.headers.subject || '').includes(label)) found.push(mail);
    }
  }
  return found;
}

export async function waitForMails(label, count) {
  const until = Date.now() + 60_000;
  for (;;) {
    const mails = mailsAbout(label);
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every mail sent to `address` whose subject mentions `label`, waiting up to a minute for `count` of them. */
export async function waitForMailTo(address, label, count = 1) {
  const until = Date.now() + 60_000;
  for (;;) {
    const mails = mailsAbout(label).filter((m) => (m.headers.to || '').toLowerCase().includes(address.toLowerCase()));
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first link in a mail body that starts with `base`. */
export function linkIn(mail, base) {
  const match = mail.body.match(new RegExp(`${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\S+`));
  return match ? match[0] : null;
}
