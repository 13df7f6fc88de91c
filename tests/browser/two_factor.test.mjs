// Two-factor sign-in as a person meets it: set it up on "Mijn account" by
// reading the key beside the QR code into an "app" (an RFC 6238 function
// below), log in with password and code, then with a recovery code, and
// switch it off again. Uses the demo account member-lingedal, which no other
// browser test logs in as. The administrator's page is scanned too.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';

import { DEMO_PASSWORD, launch, login, newPage, scan, visit } from './helpers.mjs';

const USER = 'member-lingedal';
const PAGE = '/account/tweestapsverificatie';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    assert.ok(v >= 0, `not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The six-digit code an authenticator app shows `offset` seconds from now (RFC 6238, SHA-1, 30 s). */
function totp(secret, offset = 0) {
  const counter = Math.floor((Date.now() / 1000 + offset) / 30);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

test('the RFC 6238 helper matches the RFC test vector', () => {
  // Appendix B: secret "12345678901234567890", T = 59 s gives 94287082 (8 digits).
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(1n);
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  assert.equal((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000, 287082);
});

/** Password step of the log-in form; expects the code form next. */
async function passwordStep(page) {
  await visit(page, '/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(USER);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL('**/inloggen/code**'), page.getByRole('button', { name: 'Inloggen' }).click()]);
  await scan(page, 'code step of the log-in');
}

async function submitCode(page, code) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Inloggen' }).click()]);
}

test('set up two-factor sign-in, log in with a code and a recovery code, switch it off', async () => {
  const page = await newPage(browser);
  await login(page, USER);
  await visit(page, '/account');
  await Promise.all([page.waitForURL(`**${PAGE}`), page.getByRole('link', { name: 'Tweestapsverificatie' }).click()]);
  await scan(page, 'two-factor page, off');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click()]);
  await scan(page, 'two-factor set-up with QR code');
  assert.equal(await page.getByRole('img', { name: /QR-code/ }).count(), 1, 'the QR code is an image with a name');
  const secret = (await page.locator('#two-factor-secret').innerText()).replace(/\s/g, '');

  // A wrong code first: the message is announced and linked to the field.
  const wrong = totp(secret) === '123456' ? '654321' : '123456';
  await page.getByLabel('Code uit je app').fill(wrong);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Aanzetten' }).click()]);
  assert.match(await page.getByRole('alert').innerText(), /klopt niet/);
  await scan(page, 'two-factor set-up with a wrong code');

  await page.getByLabel('Code uit je app').fill(totp(secret));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Aanzetten' }).click()]);
  await scan(page, 'recovery codes');
  const codes = await page.locator('#recovery-codes code').allInnerTexts();
  assert.equal(codes.length, 10);
  await page.context().close();

  // Log in again: password, then the code of the next time step.
  const second = await newPage(browser);
  await passwordStep(second);
  await submitCode(second, '000000' === totp(secret, 30) ? '111111' : '000000');
  assert.match(await second.getByRole('alert').innerText(), /klopt niet/);
  await scan(second, 'code step with a wrong code');
  await submitCode(second, totp(secret, 30));
  assert.equal(new URL(second.url()).pathname, '/netwerken');
  await scan(second, 'network list after the code');
  await second.context().close();

  // And with a recovery code, then switch it off with the password.
  const third = await newPage(browser);
  await passwordStep(third);
  await submitCode(third, codes[0]);
  assert.equal(new URL(third.url()).pathname, '/netwerken');
  await visit(third, PAGE);
  assert.match(await third.locator('main').innerText(), /9 ongebruikte herstelcodes/);
  await third.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await Promise.all([third.waitForURL(`**${PAGE}?done=off`), third.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click()]);
  await scan(third, 'two-factor switched off');
  await third.context().close();

  // The password alone signs in again.
  const fourth = await newPage(browser);
  await login(fourth, USER);
  await fourth.context().close();
});

test('the administrator sees who must use two-factor sign-in', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  await visit(page, '/beheer/tweestapsverificatie');
  assert.equal(await page.getByRole('radio', { name: 'Niemand verplicht; iedereen mag het zelf aanzetten' }).isChecked(), true);
  await page.context().close();
});
