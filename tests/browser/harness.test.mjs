// The checks must be able to fail: a page with a known accessibility fault
// and a blocked inline script are caught, so a silently broken scan (wrong
// tags, axe not loaded) cannot pass every other test by accident.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launch, newPage, scan, visit } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the axe scan reports an input without a label, readably', async () => {
  const page = await newPage(browser);
  await visit(page, '/inloggen');
  await page.evaluate(() => document.querySelector('label[for="f-username"]').remove());
  await assert.rejects(scan(page, 'log-in page without its label'), (e) => {
    assert.match(e.message, /accessibility violations on log-in page without its label/);
    assert.match(e.message, /\[critical\] label: Form elements must have labels/);
    assert.match(e.message, /#f-username/);
    return true;
  });
  await page.context().close();
});

test('the scan fails on a script the page policy refuses', async () => {
  const page = await newPage(browser);
  await visit(page, '/inloggen');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true;';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, 'the CSP blocks inline scripts');
  await assert.rejects(scan(page, 'log-in page with an inline script'), /CSP: /);
  await page.context().close();
});
