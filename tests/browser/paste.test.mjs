// Pasting an indicator table copied from Word or Excel into the grid, as a clerk with last year's
// Word form does: the rows land in the grid, merged cells filled in, one undo step takes it back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, download, outDir, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// As Word puts a copied table on the clipboard: the form's label column and 一级/二级 merged over
// rows (rowspan), a header of two-line names, a cell of two paragraphs, a long line the writer
// wrapped between two ideographs, &nbsp; in an empty cell, a conditional comment.
const WORD_HTML = `<html><head><meta charset=utf-8><style>p{mso-x:1}</style></head><body><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0>
 <tr><td rowspan=5><p>绩<br>效<br>指<br>标</p></td><td><p>一级</p><p>指标</p></td><td><p>二级指标</p></td>
  <td><p>三级指标</p></td><td><p>指标值（包含数字及文字描述）</p></td></tr>
 <tr><td rowspan=3><p class=MsoNormal><span lang=ZH-CN>产出指标</span></p></td><td rowspan=2><p>数量指标</p></td>
  <td><p>培训教师人数</p></td><td><p>&ge;188名</p></td></tr>
 <tr><td><p>送教下乡<!--[if !supportLists]-->次数<!--[endif]--></p></td><td><p>不少于4次</p><p>每学期2次</p></td></tr>
 <tr><td><p>质量指标</p></td><td><p>培训合格率</p></td><td><p class=MsoNormal>合格率达到95%，培训后课堂教学评价达到良
好及以上</p></td></tr>
 <tr><td><p>满意度指标</p></td><td><p>服务对象满意度指标</p></td><td><p>参训教师满意度</p></td><td><p>&nbsp;</p></td></tr>
</table><!--EndFragment--></body></html>`;
// Word's plain text of the same table breaks the two-paragraph cell over lines: the page must
// read the HTML.
const WORD_TEXT = '绩效指标\t一级指标\t二级指标\t三级指标\t指标值\r\n\t产出指标\t数量指标\t培训教师人数\t≥188名\r\n'
  + '\t\t\t送教下乡次数\t不少于4次\r\n每学期2次\r\n';

/** Pastes clipboard data into a field as the browser would; true when the page left the paste to the field. */
async function paste(page, selector, data) {
  return page.evaluate(([sel, data]) => {
    const el = document.querySelector(sel);
    el.focus();
    const clipboard = new DataTransfer();
    for (const [kind, text] of Object.entries(data)) clipboard.setData(kind, text);
    return el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, [selector, data]);
}

/** The grid's rows as [一级, 二级, 三级, 指标值], from the page's fields (一级/二级 as the group above shows them). */
async function gridRows(page, grid) {
  return page.evaluate((grid) => {
    const rows = [];
    let l1 = '', l2 = '';
    for (const tr of document.querySelectorAll(`#${grid} tr.indicator`)) {
      const v = (s) => tr.querySelector(`[id$="-${s}"]`)?.value;
      l1 = v('l1') ?? l1;
      l2 = v('l2') ?? l2;
      rows.push([l1, l2, v('l3') ?? '', v('value')]);
    }
    return rows;
  }, grid);
}

test('a table copied from Word becomes a new project form\'s grid: merged cells, paragraphs, one undo', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  const grid = await page.locator('table.grid').first().getAttribute('id');
  const template = await gridRows(page, grid);
  const firstL1 = `#${grid} tr.indicator [id$="-l1"]`;
  assert.equal(await paste(page, firstL1, { 'text/html': WORD_HTML, 'text/plain': WORD_TEXT }), false, 'the page took the paste');
  await page.waitForSelector('#notice >> text=已粘贴 4 行指标');
  const rows = await gridRows(page, grid);
  assert.equal(rows.length, 4, "the table is the new form's grid: the template's empty rows went");
  assert.deepEqual(rows, [
    ['产出指标', '数量指标', '培训教师人数', '≥188名'],
    ['产出指标', '数量指标', '送教下乡次数', '不少于4次\n每学期2次'],
    ['产出指标', '质量指标', '培训合格率', '合格率达到95%，培训后课堂教学评价达到良好及以上'],
    ['满意度指标', '服务对象满意度指标', '参训教师满意度', ''],
  ]);
  await page.screenshot({ path: path.join(outDir, 'paste-word.png'), fullPage: true });
  // The checker reads the pasted rows at once: the empty satisfaction target is an error.
  const file = JSON.parse((await download(page)).text);
  assert.equal(file.projects[0].indicators[1].value, '不少于4次\n每学期2次');
  assert.equal(file.projects[0].indicators[0].level3, '培训教师人数');
  // One undo step takes the whole paste back.
  await page.getByRole('button', { name: '↶ 撤销' }).click();
  assert.deepEqual(await gridRows(page, grid), template);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('cells copied from Excel fill the value column down, adding rows in the group pasted into', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  const grid = await page.locator('table.grid').first().getAttribute('id');
  const before = await gridRows(page, grid);
  const firstName = `#${grid} tr.indicator [id$="-l3"]`;
  // Excel's plain text: a cell with a line break in quotes.
  const excel = '培训教师人数\t≥188名\r\n送教下乡次数\t"不少于4次\n每学期2次"\r\n培训天数\t≥5天\r\n';
  assert.equal(await paste(page, firstName, { 'text/plain': excel }), false);
  await page.waitForSelector('#notice >> text=其中新增 2 行');
  const rows = await gridRows(page, grid);
  assert.equal(rows.length, before.length + 2);
  assert.deepEqual(rows.slice(0, 3).map((r) => r.slice(1)), [
    [before[0][1], '培训教师人数', '≥188名'],
    [before[0][1], '送教下乡次数', '不少于4次\n每学期2次'],
    [before[0][1], '培训天数', '≥5天'],
  ]);
  // The next group's row is where it was, untouched.
  assert.deepEqual(rows[3], before[1]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

// The seed's project form as Word copies the whole of it: the fields' labels beside (and the
// target's under) them, 项目资金 merged over three rows, then the grid.
const FORM_HTML = `<table border=1>
 <tr><td><p>项目名称</p></td><td colspan=3><p>仁和区区级人大代表活动经费</p></td></tr>
 <tr><td><p>预算单位</p></td><td colspan=3><p>攀枝花市仁和区人大常委会办公室</p></td></tr>
 <tr><td rowspan=3><p>项目资金(万元)</p></td><td><p>年度资金总额：</p></td><td colspan=2><p>20.00</p></td></tr>
 <tr><td><p>其中：财政拨款</p></td><td colspan=2><p>20.00</p></td></tr>
 <tr><td><p>其他资金</p></td><td colspan=2><p>&nbsp;</p></td></tr>
 <tr><td rowspan=2><p>总体目标</p></td><td colspan=3><p>年度目标</p></td></tr>
 <tr><td colspan=3><p>保障区级人大代表开展视察、调研和学习活动。</p></td></tr>
 <tr><td rowspan=3><p>绩效指标</p></td><td><p>一级指标</p></td><td><p>二级指标</p></td><td><p>指标值</p></td></tr>
 <tr><td><p>产出指标</p></td><td><p>数量指标</p></td><td><p>全区人大代表188名</p></td></tr>
 <tr><td><p>满意度指标</p></td><td><p>满意度指标</p></td><td><p>代表满意度≥95%</p></td></tr>
</table>`;

test('a whole project form copied from Word and pasted into 项目名称 fills its fields and its grid', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  const name = 'section.sheet [id$="-name"]';
  assert.equal(await paste(page, name, { 'text/html': FORM_HTML, 'text/plain': '项目名称\t仁和区区级人大代表活动经费' }), false);
  await page.waitForSelector('#notice >> text=已填入项目名称、预算单位、年度资金总额、财政拨款、年度目标');
  await page.waitForSelector('#notice >> text=已粘贴 2 行指标');
  assert.equal(await page.inputValue(name), '仁和区区级人大代表活动经费');
  assert.equal(await page.inputValue('section.sheet [id$="-total"]'), '20.00');
  assert.equal(await page.inputValue('section.sheet [id$="-annual-target"]'), '保障区级人大代表开展视察、调研和学习活动。');
  const grid = await page.locator('table.grid').first().getAttribute('id');
  assert.deepEqual((await gridRows(page, grid))[0], ['产出指标', '数量指标', '', '全区人大代表188名']);
  await page.screenshot({ path: path.join(outDir, 'paste-form.png'), fullPage: true });
  // A cell of text pasted into the same field is the field's own paste.
  assert.equal(await paste(page, name, { 'text/plain': '保障代表活动\t开展培训' }), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('text without cells pastes into the field as usual', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  const value = 'table.grid tr.indicator [id$="-value"]';
  assert.equal(await paste(page, value, { 'text/plain': '≥95%\n以上', 'text/html': '<p>≥95%</p><p>以上</p>' }), true);
  assert.equal(await page.locator('#notice').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the single file opened from disk takes a pasted table too', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.join(root, 'dist-single/jixiao.html')).href);
  await page.getByRole('button', { name: '＋ 新增项目表' }).click();
  const grid = await page.locator('table.grid').first().getAttribute('id');
  assert.equal(await paste(page, `#${grid} tr.indicator [id$="-l1"]`, { 'text/html': WORD_HTML, 'text/plain': WORD_TEXT }), false);
  await page.waitForSelector('#notice >> text=已粘贴 4 行指标');
  assert.deepEqual((await gridRows(page, grid))[1], ['产出指标', '数量指标', '送教下乡次数', '不少于4次\n每学期2次']);
  assert.deepEqual(errors, []);
  await context.close();
});
