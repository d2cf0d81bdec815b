// Checking while filling in: live findings, the problems panel, fixes, touched-only errors,
// next/previous, undo/redo, the structured editor's reading, the print view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, download, importFile, outDir } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function example(page) {
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.waitForSelector('#notice');
}

test('a wrong total is found, clicked, focused and fixed in one click', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  // The seed's own mistake: 712.32 + 104.52 + 105.00 = 921.84, not 921.83.
  const finding = page.locator('#problems button.finding', { hasText: '921.84 万元' });
  await finding.first().waitFor();
  await page.getByRole('tab', { name: '票决制试点经费' }).click();
  await finding.first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-overall-total');
  const inline = page.locator('#f-overall-total-problems');
  assert.match(await inline.textContent(), /921\.83/);
  assert.equal(await page.getAttribute('#f-overall-total', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#f-overall-total', 'aria-describedby'), /f-overall-total-problems/);
  await inline.getByRole('button', { name: '改为“921.84”' }).click();
  assert.equal(await page.inputValue('#f-overall-total'), '921.84');
  assert.equal(await page.locator('#problems button.finding', { hasText: '921.84 万元' }).count(), 0);
  // Typing a wrong total brings a finding back, live.
  await page.fill('#f-overall-total', '900');
  await page.locator('#problems button.finding', { hasText: '与填报的年度财政拨款资金总额 900.00 万元不一致' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a finding inside free text selects the characters it is about', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  await page.locator('#problems button.finding', { hasText: '2021 年' }).first().click();
  const id = await page.evaluate(() => document.activeElement.id);
  assert.match(id, /^c-p\d+-annual-\d+-value$/);
  const selected = await page.evaluate(() => {
    const el = document.activeElement;
    return el.value.substring(el.selectionStart, el.selectionEnd);
  });
  assert.equal(selected, '2021年');
  await page.locator(`#${id}-problems`).getByRole('button', { name: '改为“2022年”' }).click();
  assert.equal(await page.inputValue(`#${id}`), '2022年1月至12月');
  await context.close();
});

test('errors show on a fresh form only where touched, or everywhere after 全部检查', async () => {
  const { page, context } = await openPage(browser, server.url);
  // The panel lists what is missing; the fields do not shout yet.
  await page.locator('#problems button.finding', { hasText: '未填写预算名称' }).waitFor();
  assert.equal(await page.locator('#f-overall-unit-problems').count(), 0);
  assert.equal(await page.getAttribute('#f-overall-unit', 'aria-invalid'), null);
  await page.click('#f-overall-unit');
  await page.click('#f-overall-tasks');
  await page.locator('#f-overall-unit-problems', { hasText: '未填写预算名称' }).waitFor();
  assert.equal(await page.locator('#f-overall-personnel-problems').count(), 0);
  await page.getByRole('button', { name: '全部检查' }).click();
  await page.locator('#f-overall-personnel-problems', { hasText: '未填写人员经费' }).waitFor();
  await context.close();
});

test('F8 and the panel buttons walk through the problems; tabs carry counts', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  const tab = page.getByRole('tab', { name: /^建立村居人大代表联络站：错误 2，警告 \d+$/ });
  assert.equal(await tab.count(), 1);
  await page.keyboard.press('F8');
  await page.waitForFunction(() => document.activeElement?.id === 'f-overall-total');
  await page.keyboard.press('F8');
  const second = await page.evaluate(() => document.activeElement.id);
  assert.notEqual(second, 'f-overall-total');
  await page.keyboard.press('Shift+F8');
  await page.waitForFunction(() => document.activeElement?.id === 'f-overall-total');
  await page.getByRole('button', { name: '↑ 上一个' }).click();
  const last = await page.locator('#problems li.current').textContent();
  assert.ok(last.length > 0);
  await context.close();
});

test('undo and redo, by keys and buttons, including a whole import', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  await page.fill('#f-overall-tasks', '改过的任务');
  await page.click('#d-year');
  await page.keyboard.press('Control+z');
  assert.match(await page.inputValue('#f-overall-tasks'), /^主要任务：贯彻执行/);
  await page.keyboard.press('Control+y');
  assert.equal(await page.inputValue('#f-overall-tasks'), '改过的任务');
  await page.getByRole('button', { name: '↶ 撤销' }).click();
  await page.getByRole('button', { name: '↶ 撤销' }).click();
  assert.equal(await page.inputValue('#f-overall-unit'), '', 'undoing 载入示例 gives back the blank form');
  await page.getByRole('button', { name: '↷ 重做' }).click();
  assert.equal(await page.inputValue('#f-overall-unit'), '攀枝花市仁和区人大常委会办公室');
  await context.close();
});

test('the structured editor takes sign, number and unit and shows how the text was read', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  await page.getByRole('tab', { name: '仁和区区级人大代表活动经费' }).click();
  await page.getByRole('button', { name: '第 10 行 结构化填写' }).click();
  const reading = page.locator('.reading');
  assert.match(await reading.textContent(), /≥ 95 %（量化）/);
  const row = (await page.locator('.reading').getAttribute('id')).replace('-value-reading', '');
  await page.selectOption(`#${row}-sign`, '≥');
  await page.fill(`#${row}-number`, '95');
  await page.fill(`#${row}-unit`, 'M');
  await page.locator(`#${row}-unit-problems`, { hasText: '应写作“米”' }).waitFor();
  await page.locator(`#${row}-unit-problems`).getByRole('button', { name: '改为“米”' }).click();
  assert.equal(await page.inputValue(`#${row}-unit`), '米');
  await context.close();
});

test('a form of a structured template shows, checks and prints the targets of its columns', async () => {
  const { page, context } = await openPage(browser, server.url);
  const form = readFileSync(new URL('../forms/transport.json', import.meta.url), 'utf8');
  await importFile(page, 'transport.json', form);
  await page.waitForSelector('#notice >> text=已导入');
  assert.match(await page.textContent('#totals'), /错误\s*0\s*警告\s*0/);
  await page.getByRole('tab', { name: '城乡客运公交运营补贴' }).click();
  const value = page.getByRole('textbox', { name: '第 1 行 指标值' });
  assert.match(await value.getAttribute('placeholder'), /^≥126辆（见“详”）/);
  await page.getByRole('button', { name: '第 3 行 结构化填写' }).click();
  const reading = page.locator('.reading');
  const row = (await reading.getAttribute('id')).replace('-value-reading', '');
  assert.equal(await reading.textContent(), '指标值读作：=100%');
  await page.fill(`#${row}-number`, '120');
  await page.locator(`#${row}-number-problems`, { hasText: '百分比 120% 超出 0–100% 的范围' }).waitFor();
  await page.getByRole('button', { name: '打印预览' }).click();
  const grid = page.locator('.print-sheet').nth(2).locator('.print-grid');
  assert.equal(await grid.locator('tr', { hasText: '补贴城乡客运车辆' }).locator('td').last().textContent(), '≥126辆');
  assert.equal(await grid.locator('tr', { hasText: '补贴资金发放准确率' }).locator('td').last().textContent(), '=120%');
  await context.close();
});

test('what Word templates put in cells is read as meant and fixed in place', async () => {
  const { page, context } = await openPage(browser, server.url);
  // The transport form as another template prints it: notes beside the 一级 names, 无 for no
  // other funds, a weight with 分, and a unit typed into the number cell.
  const form = JSON.parse(readFileSync(new URL('../forms/transport.json', import.meta.url), 'utf8'));
  const roads = form.projects[0];
  for (const r of roads.indicators) {
    if (r.level1 === '产出指标') r.level1 = '产出(工作量)指标（数量、质量、时效方面的指标）';
  }
  roads.other_funds = '无';
  roads.indicators[0].weight = '10分';
  roads.indicators[1].number = '8座';
  await importFile(page, 'transport-word.json', JSON.stringify(form));
  await page.waitForSelector('#notice >> text=已导入');
  assert.match(await page.textContent('#totals'), /错误\s*1\s*警告\s*1/);
  await page.getByRole('tab', { name: '农村公路养护' }).click();
  await page.locator('#f-p30-other-funds-problems', { hasText: '按 0 计' }).waitFor();
  await page.locator('#f-p30-other-funds-problems').getByRole('button', { name: '改为“0.00”' }).click();
  assert.equal(await page.inputValue('#f-p30-other-funds'), '0.00');
  await page.getByRole('button', { name: '第 1 行 结构化填写' }).click();
  await page.locator('#c-p30-annual-9-weight-problems').getByRole('button', { name: '改为“10”' }).click();
  assert.equal(await page.inputValue('#c-p30-annual-9-weight'), '10');
  await page.getByRole('button', { name: '第 2 行 结构化填写' }).click();
  await page.locator('#c-p30-annual-10-number-problems', { hasText: '“8座”应填 8' }).waitFor();
  await page.locator('#c-p30-annual-10-number-problems').getByRole('button', { name: '改为“8”' }).click();
  assert.equal(await page.inputValue('#c-p30-annual-10-number'), '8');
  // With two rows of a group open, the rows after them keep their columns.
  const left = async (row) => (await page.locator(`#c-p30-annual-${row}-l3`).boundingBox()).x;
  assert.equal(await left(11), await left(9));
  assert.equal(await left(12), await left(9));
  assert.match(await page.textContent('#totals'), /错误\s*0\s*警告\s*0/);
  await page.screenshot({ path: path.join(outDir, 'word-cells.png'), fullPage: false });
  await context.close();
});

test('the print view lays out every form and the report, one per page', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  // What people type is printed as text, never read as markup.
  const typed = '<b>粗体</b> & <img src=x onerror="window.hit=1"> 任务';
  await page.fill('#f-overall-tasks', typed);
  await page.getByRole('button', { name: '打印预览' }).click();
  assert.equal(await page.locator('.print-sheet').count(), 8, 'overall + 6 projects + report');
  const first = page.locator('.print-sheet').first();
  assert.equal(await first.locator('tr', { hasText: '年度主要任务' }).locator('td').textContent(), typed);
  assert.equal(await page.locator('.print-view b, .print-view img').count(), 0);
  assert.equal(await page.evaluate(() => window.hit), undefined);
  assert.match(await page.locator('.print-findings').textContent(), /M4.*921\.84 万元/);
  assert.equal(await first.locator('.print-grid td[rowspan]').count() > 0, true, '一级/二级 cells span their rows');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-tools').isVisible(), false);
  const breakAfter = await page.locator('.print-sheet').first().evaluate((el) => getComputedStyle(el).breakAfter);
  assert.equal(breakAfter, 'page');
  await page.screenshot({ path: path.join(outDir, 'print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回编辑' }).click();
  await page.waitForSelector('#form-overall');
  await context.close();
});

test('every control is reachable by keyboard and labelled', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '新建');
  await example(page);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select, button')]
    .filter((el) => !(el.getAttribute('aria-label') || el.labels?.length || el.textContent.trim() || el.title))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, []);
  // The file input is the keyboard stop for 导入 JSON: focusable, named by its visible label.
  await page.focus('#import-file');
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent), '导入 JSON');
  await context.close();
});

test('检查设置 change what is checked and shown, and travel with the declaration', async () => {
  const { page, context } = await openPage(browser, server.url);
  await example(page);
  assert.ok(await page.locator('#problems li.sev-info').count() > 0);
  await page.locator('.settings summary').click();
  await page.getByLabel('显示提示').uncheck();
  assert.equal(await page.locator('#problems li.sev-info').count(), 0);
  assert.equal(await page.locator('#problems button.finding', { hasText: '低于 96%' }).count(), 0);
  await page.fill('#set-satisfaction', '96');
  await page.press('#set-satisfaction', 'Enter');
  await page.locator('#problems button.finding', { hasText: '满意度目标 95% 低于 96%' }).first().waitFor();
  const dl = JSON.parse((await download(page)).text);
  assert.equal(dl.profile.satisfaction_min_percent, 96);
  assert.equal(dl.profile.show_info, false);
  await context.close();
});
