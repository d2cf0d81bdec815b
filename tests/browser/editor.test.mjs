// The editor as a user meets it: load, example, edit, download, import (good and broken), reload, new.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, download, importFile, exampleJson, outDir } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page loads with an empty overall form and no errors', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.waitForSelector('#form-overall');
  assert.equal(await page.locator('h2').first().textContent(), '部门（单位）整体支出绩效目标申报表');
  assert.equal(await page.inputValue('#f-overall-unit'), '');
  assert.equal(await page.locator('[role=tab]').count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the example loads, downloads unchanged, and an edit shows in the downloaded JSON', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.waitForSelector('#notice');
  assert.equal(await page.inputValue('#f-overall-unit'), '攀枝花市仁和区人大常委会办公室');
  assert.equal(await page.inputValue('#f-overall-total'), '921.83');
  assert.equal(await page.locator('[role=tab]').count(), 7);
  await page.screenshot({ path: path.join(outDir, 'example-overall.png'), fullPage: true });

  const untouched = await download(page);
  assert.equal(untouched.name, '绩效目标申报表-攀枝花市仁和区人大常委会办公室-2022.json');
  assert.equal(untouched.text.trimEnd(), exampleJson().trimEnd(), 'the example downloads byte for byte as shipped');

  await page.fill('#f-overall-total', '921.84');
  const edited = JSON.parse((await download(page)).text);
  const expected = JSON.parse(exampleJson());
  expected.overall.total = '921.84';
  assert.deepEqual(edited, expected);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('money fields accept what people type and say what is stored', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  const total = page.locator('[id$="-total"]').first();
  await total.fill('1,234.5');
  await page.waitForSelector('text=将保存为 1234.5 万元');
  await total.fill('１２.３');
  await page.waitForSelector('text=将保存为 12.3 万元');
  // Text that is no number is kept as typed and explained once, by the checker under the field
  // (not also by a note of the input's own that could contradict it).
  const problems = `#${await total.getAttribute('id')}-problems`;
  await total.fill('250万');
  await page.waitForSelector(`${problems} >> text=不必再写单位，应填 250.00`);
  assert.equal(await total.getAttribute('aria-invalid'), null, 'read as 250 万元: a warning, not an error');
  assert.equal(await total.inputValue(), '250万', 'what was typed stays in the field');
  await total.fill('约二百五十');
  await total.blur();
  await page.waitForSelector(`${problems} >> text=无法识别`);
  assert.equal(await total.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.money .note').count(), 0, 'no note of its own beside the finding');
  const other = page.locator('[id$="-other-funds"]').first();
  await other.fill('无');
  await page.waitForSelector(`#${await other.getAttribute('id')}-problems >> text=按 0 计`);
  assert.equal(await other.getAttribute('aria-invalid'), null, '“无” other funds is no error');
  assert.equal(await total.inputValue(), '约二百五十', 'what was typed stays in the field');
  await context.close();
});

test('a broken import is explained and the declaration stays as it was', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.fill('#f-overall-tasks', '我的修改');
  await importFile(page, 'broken.json', '{\n  "format": "jixiao-declaration",\n  "year" 2022\n}');
  const notice = page.locator('#notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /未导入“broken\.json”/);
  assert.match(text, /第 3 行第 10 列/);
  assert.equal(await page.inputValue('#f-overall-tasks'), '我的修改');

  await importFile(page, 'v2.json', exampleJson().replace('"schema_version": 1', '"schema_version": 2'));
  await page.waitForSelector('#notice >> text=格式版本为 2');
  await importFile(page, 'gbk.json', Buffer.from([0x7b, 0x0a, 0x22, 0xc9, 0xea, 0xb1, 0xa8, 0x22, 0x7d]));
  await page.waitForSelector('#notice >> text=UTF-8');
  await importFile(page, 'other.json', '{"name": "别的文件", "rows": []}');
  await page.waitForSelector('#notice >> text=这不是绩效目标申报 JSON 文件');
  const wrongField = exampleJson().replace('"total": "20.00"', '"total": 20');
  await importFile(page, 'field.json', wrongField);
  await page.waitForSelector('#notice >> text=projects[0].total');
  assert.equal(await page.inputValue('#f-overall-tasks'), '我的修改');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a downloaded file imports back to the identical declaration', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.getByRole('tab', { name: '区人大会议费' }).click();
  await page.fill('#f-p28-name', '区人大会议费（修改）');
  const first = await download(page);
  await page.getByRole('button', { name: '新建' }).click();
  assert.equal(await page.inputValue('#f-overall-unit'), '');
  await importFile(page, first.name, first.text);
  await page.waitForSelector('#notice >> text=已导入');
  const second = await download(page);
  assert.equal(second.text, first.text);
  await context.close();
});

test('a file whose signs are typed as keyboards type them (">=") imports, and downloads with ≥', async () => {
  const { page, context } = await openPage(browser, server.url);
  const form = readFileSync(new URL('../forms/transport.json', import.meta.url), 'utf8');
  assert.ok(form.includes('"sign": "≥"'));
  await importFile(page, 'other-system.json', form.replaceAll('"sign": "≥"', '"sign": ">="'));
  await page.waitForSelector('#notice >> text=已导入');
  const saved = JSON.parse((await download(page)).text);
  assert.equal(saved.projects[0].indicators[0].sign, '≥');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the draft survives a reload', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  await page.fill('#d-unit', '某县教育局');
  await page.fill('#d-year', '2025');
  await page.locator('[id$="-name"]').first().fill('学生资助项目');
  await page.waitForFunction(() => (localStorage.getItem('jixiao.draft.v1') || '').includes('学生资助项目'));
  await page.reload();
  await page.waitForSelector('#notice >> text=已恢复');
  assert.equal(await page.inputValue('#d-unit'), '某县教育局');
  assert.equal(await page.inputValue('#f-overall-unit'), '某县教育局', 'the forms follow the declaration header');
  assert.equal(await page.inputValue('#f-overall-year'), '2025');
  await page.getByRole('tab', { name: '学生资助项目' }).click();
  assert.equal(await page.locator('[id$="-name"]').first().inputValue(), '学生资助项目');
  await context.close();
});

test('new asks before discarding, and keeps the data when the user says no', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '载入示例' }).click();
  page.removeAllListeners('dialog');
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.getByRole('button', { name: '新建' }).click();
  assert.match(asked, /替换当前填写的全部内容/);
  assert.equal(await page.inputValue('#f-overall-unit'), '攀枝花市仁和区人大常委会办公室');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '新建' }).click();
  assert.equal(await page.inputValue('#f-overall-unit'), '');
  await context.close();
});

test('full storage is reported on screen and editing goes on', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  const { page } = await openPage(browser, server.url, { context });
  await page.fill('#d-unit', '某单位');
  await page.waitForSelector('#storage-error >> text=存储已满');
  assert.equal(await page.inputValue('#f-overall-unit'), '某单位');
  const dl = await download(page);
  assert.equal(JSON.parse(dl.text).unit_name, '某单位', 'download still works');
  await context.close();
});

test('rows and projects are added, reordered and removed', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.getByRole('tab', { name: '票决制试点经费' }).click();
  const rows = page.locator('#form-p79 tr.indicator');
  assert.equal(await rows.count(), 13);
  await page.getByRole('button', { name: '第 1 行 删除' }).click();
  assert.equal(await rows.count(), 12);
  await page.getByRole('button', { name: '在“数量指标”下添加指标行' }).click();
  assert.equal(await rows.count(), 13);
  await page.getByRole('button', { name: '← 前移' }).click();
  assert.match(await page.locator('[role=tab]').nth(5).getAttribute('title'), /^票决制试点经费：/);
  await page.getByRole('button', { name: '删除此项目表' }).click(); // the default handler accepts the confirmation
  assert.equal(await page.locator('[role=tab]').count(), 6);
  await page.screenshot({ path: path.join(outDir, 'after-edits.png'), fullPage: true });
  await context.close();
});

test('disabled storage is reported on screen and editing goes on', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const { page } = await openPage(browser, server.url, { context });
  await page.fill('#d-unit', '某单位');
  await page.waitForSelector('#storage-error >> text=禁用了本地存储');
  assert.equal(await page.inputValue('#f-overall-unit'), '某单位');
  assert.equal(JSON.parse((await download(page)).text).unit_name, '某单位');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an internal failure of the app is announced in Chinese, other script errors are not', async () => {
  const { page, context } = await openPage(browser, server.url);
  // What an aborting panic looks like from JavaScript: a WebAssembly.RuntimeError, uncaught
  // (from an event handler) or unhandled (from a promise).
  await page.evaluate(() => setTimeout(() => { throw new Error('some other script'); }));
  await page.waitForTimeout(100);
  assert.equal(await page.locator('.crash').count(), 0);
  await page.evaluate(() => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); });
  await page.waitForSelector('.crash[role=alert]');
  assert.match(await page.locator('.crash').textContent(), /页面出现内部错误，请刷新页面/);
  await context.close();
});
