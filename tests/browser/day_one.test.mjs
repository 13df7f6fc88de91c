// Day one of a real network, on a fresh installation (not the demo): the
// server prints a one-time setup address; the administrator is made there,
// creates the network "Gezond Rivierenland" and invites its coordinator; the
// coordinator reads the mail (through the real SMTP sink), chooses a password,
// and invites a member for a partner; the member accepts. Every page is
// scanned by axe-core. The server is this test's own `verband serve` on an
// empty data directory.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launch, newPage, scan } from './helpers.mjs';
import { linkIn, MAILDIR, waitForMailTo } from './mailbox.mjs';

const BINARY = process.env.VERBAND_BINARY || '';
const SMTP_URL = process.env.VERBAND_SMTP_URL || '';
const PASSWORD = 'lange zin over de rivier en de dijk';

let browser;
let server;
let dataDir;
let output = '';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `verband serve` on an empty data directory and waits for the setup address it prints. */
async function startFreshServer() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'verband-day-one-'));
  const env = { ...process.env, VERBAND_LOG: 'warn' };
  delete env.VERBAND_DATABASE_URL;
  delete env.VERBAND_DATA;
  // The single sign-on settings the other browser tests use are not this installation's.
  for (const name of Object.keys(env)) if (name.startsWith('VERBAND_OIDC_')) delete env[name];
  server = spawn(
    BINARY,
    ['serve', '--data', join(dataDir, 'data'), '--listen', `127.0.0.1:${port}`, '--public-url', base, '--smtp-url', SMTP_URL,
      '--mail-from', 'Verband test <verband@example.nl>'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (d) => { output += d.toString(); });
  server.stderr.on('data', (d) => { output += d.toString(); });
  const until = Date.now() + 60_000;
  for (;;) {
    const match = output.match(/(http:\/\/127\.0\.0\.1:\d+\/eerste-beheerder\/\S+)/);
    if (match) return { base, setup: match[1] };
    assert.ok(server.exitCode === null, `verband serve stopped:\n${output}`);
    assert.ok(Date.now() < until, `no setup address within a minute:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function fillAccount(page, { name, username, email, password }) {
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel('Gebruikersnaam').fill(username);
  if (email) await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByLabel('Wachtwoord nog een keer').fill(password);
}

async function clickAndWait(page, name) {
  await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name, exact: true }).click()]);
  await page.waitForLoadState('load');
}

test('a fresh installation: first administrator, a network, its coordinator and a member, by mail', async () => {
  assert.ok(BINARY && SMTP_URL && MAILDIR, 'VERBAND_BINARY, VERBAND_SMTP_URL and VERBAND_MAILDIR are set by scripts/test');
  const { base, setup } = await startFreshServer();
  const network = `Gezond Rivierenland ${Date.now().toString(36)}`;

  // The administrator, through the one-time address.
  const admin = await newPage(browser);
  await admin.goto(setup);
  await scan(admin, 'setup page');
  // A mismatch keeps what was typed and says what is wrong.
  await fillAccount(admin, { name: 'Bea Beheer', username: 'beheer', email: 'beheer@gemeente.example', password: PASSWORD });
  await admin.getByLabel('Wachtwoord nog een keer').fill('iets anders');
  await clickAndWait(admin, 'Beheerder maken');
  await scan(admin, 'setup page with an error');
  assert.equal(await admin.getByLabel('Gebruikersnaam').inputValue(), 'beheer');
  await admin.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await admin.getByLabel('Wachtwoord nog een keer').fill(PASSWORD);
  await clickAndWait(admin, 'Beheerder maken');
  assert.equal(new URL(admin.url()).pathname, '/beheer/netwerken');
  await scan(admin, 'networks of the administrator');

  // The setup address is spent.
  const again = await admin.request.get(setup);
  assert.equal(again.status(), 404, 'the setup address answers 404 once an administrator exists');

  // A network, with its coordinator invited.
  await admin.getByRole('link', { name: 'Netwerk aanmaken' }).first().click();
  await admin.waitForLoadState('load');
  await scan(admin, 'new network form');
  await admin.getByLabel('Naam van het netwerk').fill(network);
  await admin.getByLabel('Regio').fill('Rivierenland');
  await admin.getByLabel('E-mailadres van de coördinator').fill('coordinator@gemeente.example');
  await clickAndWait(admin, 'Netwerk aanmaken');
  assert.match(new URL(admin.url()).pathname, /^\/netwerken\/\d+\/toegang$/, await admin.locator('main').innerText());
  await scan(admin, 'access page after creating the network');
  await assert.doesNotReject(admin.getByRole('cell', { name: 'coordinator@gemeente.example', exact: true }).waitFor());
  const networkPath = new URL(admin.url()).pathname.replace(/\/toegang$/, '');

  // The coordinator reads the mail and accepts with a new account.
  const [coordMail] = await waitForMailTo('coordinator@gemeente.example', network);
  assert.ok(coordMail, `an invitation mail for the coordinator in ${MAILDIR}`);
  const coordLink = linkIn(coordMail, `${base}/uitnodiging/`);
  assert.ok(coordLink, `a personal link in:\n${coordMail.body}`);
  const coord = await newPage(browser);
  await coord.goto(coordLink);
  await scan(coord, 'invitation page');
  await fillAccount(coord, { name: 'Carla Coördinator', username: 'carla', password: PASSWORD });
  await clickAndWait(coord, 'Account maken en aannemen');
  assert.equal(new URL(coord.url()).pathname, networkPath);
  await scan(coord, 'dashboard of the new coordinator');

  // The link works once.
  const used = await coord.request.get(coordLink);
  assert.equal(used.status(), 404);

  // The coordinator invites a member.
  await coord.goto(`${base}${networkPath}/toegang`);
  await scan(coord, 'access page of the coordinator');
  await coord.getByLabel('E-mailadressen').fill('Mo Lid <mo@welzijn.example>');
  await coord.getByLabel('Rol', { exact: true }).selectOption('member');
  await clickAndWait(coord, 'Uitnodiging versturen');
  await scan(coord, 'access page after inviting');
  await assert.doesNotReject(coord.getByText('1 uitnodiging is gemaild.').waitFor());

  const [memberMail] = await waitForMailTo('mo@welzijn.example', network);
  const memberLink = linkIn(memberMail, `${base}/uitnodiging/`);
  const member = await newPage(browser);
  await member.goto(memberLink);
  await fillAccount(member, { name: 'Mo Lid', username: 'mo', password: PASSWORD });
  await clickAndWait(member, 'Account maken en aannemen');
  assert.equal(new URL(member.url()).pathname, networkPath);
  await scan(member, 'dashboard of the new member');
  // A member does not manage access.
  const refused = await member.request.get(`${base}${networkPath}/toegang`);
  assert.equal(refused.status(), 403);

  // The coordinator sees both with their roles; the last coordinator cannot step down.
  await coord.goto(`${base}${networkPath}/toegang`);
  await assert.doesNotReject(coord.getByRole('cell', { name: 'Mo Lid (mo)', exact: true }).waitFor());
  await coord.getByLabel('Rol: Carla Coördinator').selectOption('member');
  const carlaRow = coord.locator('form.inline-form', { has: coord.getByLabel('Rol: Carla Coördinator') });
  await Promise.all([coord.waitForResponse((r) => r.request().method() === 'POST'), carlaRow.getByRole('button').click()]);
  await coord.waitForLoadState('load');
  await assert.doesNotReject(coord.getByText('Een netwerk heeft altijd minstens één coördinator').waitFor());
  await scan(coord, 'access page refusing to demote the last coordinator');
});
