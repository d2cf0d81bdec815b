// No server, no network: the single file from disk, a saved page that keeps its data, the hosted
// page offline after one visit, and a request log with nothing but the page's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, download, root, exampleJson, outDir } from './harness.mjs';

const single = path.join(root, 'dist-single/jixiao.html');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page that records every request it makes and fails on page errors. */
async function page(context, url) {
  const p = await context.newPage();
  p.requests = [];
  p.errors = [];
  p.on('request', (r) => p.requests.push(r.url()));
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('dialog', (d) => d.accept());
  await p.goto(url);
  await p.waitForSelector('#f-overall-unit');
  return p;
}

const own = (base) => (u) => u.startsWith(base) || u.startsWith('data:') || u.startsWith('blob:');

test('the single file runs from disk: example, edit, download', async () => {
  assert.ok(fs.statSync(single).size < 1024 * 1024, 'the single file stays under 1 MB');
  const context = await browser.newContext({ acceptDownloads: true });
  const url = pathToFileURL(single).href;
  const p = await page(context, url);
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.fill('#f-overall-total', '921.84');
  const dl = await download(p);
  const expected = JSON.parse(exampleJson());
  expected.overall.total = '921.84';
  assert.deepEqual(JSON.parse(dl.text), expected);
  assert.equal(await p.locator('#problems button.finding', { hasText: '921.84 万元' }).count(), 0, 'the checker runs too');
  assert.deepEqual(p.requests.filter((u) => !own(url)(u)), [], 'no request leaves the file');
  assert.deepEqual(p.errors, []);
  await p.screenshot({ path: path.join(outDir, 'single-file.png') });
  await context.close();
});

test('a saved page reopens as one working app with the data it held', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const p = await page(context, pathToFileURL(single).href);
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.fill('#f-overall-tasks', '保存前的修改');
  await p.waitForFunction(() => document.getElementById('jixiao-saved')?.textContent.includes('保存前的修改'));
  // What Save Page writes: the current DOM, rendered app included.
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-saved-')), '申报表.html');
  fs.writeFileSync(saved, await p.content());
  await context.close();

  // A fresh browser profile (a colleague's machine): no draft, only the file.
  const other = await browser.newContext();
  const q = await page(other, pathToFileURL(saved).href);
  assert.equal(await q.inputValue('#f-overall-tasks'), '保存前的修改');
  assert.equal(await q.locator('#app').count(), 1);
  assert.equal(await q.locator('.topbar').count(), 1, 'only one app, no frozen copy beside it');
  assert.match(await q.locator('#notice').textContent(), /保存在本页面/);
  await q.fill('#f-overall-unit', '继续编辑');
  assert.equal(await q.inputValue('#f-overall-unit'), '继续编辑', 'the app works');
  // Reloading the same file continues the draft made from it.
  await q.waitForFunction(() => (localStorage.getItem('jixiao.draft.v1') || '').includes('继续编辑'));
  await q.reload();
  await q.waitForSelector('#f-overall-unit');
  assert.equal(await q.inputValue('#f-overall-unit'), '继续编辑');
  assert.deepEqual(q.errors, []);
  await other.close();
});

test('the hosted page works offline after one visit, asks only for its own files, and forbids connections', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const p = await page(context, server.url);
  const csp = await p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /default-src 'self'/);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.getByRole('button', { name: '载入示例' }).click();
  await p.fill('#f-overall-tasks', '离线前');
  await p.waitForFunction(() => (localStorage.getItem('jixiao.draft.v1') || '').includes('离线前'));
  // A connection elsewhere is refused by the page itself.
  const blocked = await p.evaluate(() => fetch('http://127.0.0.2:9/x').then(() => 'sent', () => 'refused'));
  assert.equal(blocked, 'refused');
  assert.deepEqual(p.requests.filter((u) => !own(server.url)(u)), [], 'the policy stops the probe before any request is made');
  assert.deepEqual(server.requests.filter((u) => !/^\/(|index\.html|[\w.-]+\.(js|wasm|css))$/.test(u)), []);
  await server.close();
  await p.reload();
  await p.waitForSelector('#f-overall-unit');
  assert.equal(await p.inputValue('#f-overall-tasks'), '离线前', 'the page and the draft come back with the server gone');
  await p.getByRole('button', { name: '载入示例' }).click();
  assert.equal(await p.locator('[role=tab]').count(), 7, 'and it still works');
  await context.close();
});
