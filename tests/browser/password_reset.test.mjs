// "Wachtwoord vergeten" with real mail: from the log-in page to the mail in
// the SMTP sink (a Maildir), through the link to a new password, and logging
// in with it. Uses `steering-lingedal`, whom no other browser test logs in as.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launch, login, newPage, scan, visit } from './helpers.mjs';

const MAILDIR = process.env.VERBAND_MAILDIR || '';
const USER = 'steering-lingedal';
const ADDRESS = `${USER}@gezond-rivierenland.example`;
const NEW_PASSWORD = 'uiterwaarden in de mist bij Zaltbommel';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The body (decoded) and the To header of a stored mail. */
function parseMail(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  return { headers, body };
}

/** Every mail to `address` carrying a reset link. */
function resetMailsTo(address) {
  const found = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(MAILDIR, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const mail = parseMail(readFileSync(join(dir, name), 'utf8'));
      if ((mail.headers.to || '').includes(address) && mail.body.includes('/wachtwoord-herstellen/')) found.push(mail);
    }
  }
  return found;
}

async function waitForResetMails(address, count) {
  const until = Date.now() + 60_000;
  for (;;) {
    const mails = resetMailsTo(address);
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a forgotten password is reset through the link in the mail, once', async () => {
  assert.ok(MAILDIR, 'VERBAND_MAILDIR is not set: run the browser tests through scripts/test, which starts the SMTP sink');
  const before = resetMailsTo(ADDRESS).length;
  const page = await newPage(browser);
  await visit(page, '/inloggen');
  await Promise.all([page.waitForURL('**/wachtwoord-vergeten'), page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click()]);
  await scan(page, 'forgotten password form');

  // A malformed address: the error is announced and linked to the field.
  await page.getByLabel('E-mailadres').fill('geen adres');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Stuur de link' }).click()]);
  await page.waitForLoadState('load');
  assert.match(await page.getByRole('alert').innerText(), /geldig e-mailadres/);
  await scan(page, 'forgotten password form with an error');

  await page.getByLabel('E-mailadres').fill(ADDRESS.toUpperCase());
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Stuur de link' }).click()]);
  await page.waitForLoadState('load');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Kijk in je mail' }).waitFor());
  await scan(page, 'reset mail sent');

  const mails = await waitForResetMails(ADDRESS, before + 1);
  assert.equal(mails.length, before + 1, `a reset mail to ${ADDRESS} in ${MAILDIR}`);
  const links = [...new Set(mails.flatMap((m) => m.body.match(/https?:\/\/\S+\/wachtwoord-herstellen\/[A-Za-z0-9_-]+/g) || []))];
  assert.ok(mails.every((m) => m.body.includes(USER)), 'the mail names the account');
  // The newest request retired every older link: exactly one of them works.
  let link = null;
  for (const candidate of links) {
    const response = await page.goto(new URL(candidate).pathname);
    if (response.status() === 200) {
      link = new URL(candidate).pathname;
      break;
    }
  }
  assert.ok(link, 'the link in the mail works');

  await visit(page, link);
  await scan(page, 'choose a new password');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('welkom123456');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('welkom123456');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()]);
  await page.waitForLoadState('load');
  assert.match(await page.getByRole('alert').innerText(), /te makkelijk te raden/);
  await scan(page, 'a guessable password refused');

  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()]);
  await page.waitForLoadState('load');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Je wachtwoord is gewijzigd' }).waitFor());
  await scan(page, 'password changed');

  // The link is used up: the polite page.
  await visit(page, link, { status: [404] });
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet (meer)' }).waitFor());
  await scan(page, 'used reset link');

  await login(page, USER, NEW_PASSWORD);
  await visit(page, '/account');
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Waar je bent ingelogd' }).waitFor());
  assert.match(await page.locator('#sessions-title').locator('..').innerText(), /deze sessie/);
  await scan(page, 'my account');
  await page.context().close();
});
