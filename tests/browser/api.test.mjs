// The checker for other pages (dist/api/jixiao-check.js): another page, here opened from disk,
// loads the one script and checks declarations with the same model as the app and the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root, exampleJson } from './harness.mjs';

const script = path.join(root, 'dist/api/jixiao-check.js');
let browser, page, requests;
before(async () => {
  browser = await launch();
  // Another system's page, on disk, with nothing but the script beside it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-api-'));
  fs.copyFileSync(script, path.join(dir, 'jixiao-check.js'));
  fs.writeFileSync(path.join(dir, 'other.html'),
    '<!DOCTYPE html><meta charset="utf-8"><title>另一个系统</title><script src="jixiao-check.js"></script>');
  page = await browser.newPage();
  page.errors = [];
  requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(dir, 'other.html')).href);
});
after(async () => { await browser?.close(); });

test('the script loads from disk and checks the example exactly as the native checker does', async () => {
  const report = await page.evaluate(async (text) => {
    await window.jixiao.ready;
    return window.jixiao.check(JSON.parse(text));
  }, exampleJson());
  // tests/golden/example-report.txt is the native checker's report on the same file.
  const golden = fs.readFileSync(path.join(root, 'tests/golden/example-report.txt'), 'utf8').trimEnd().split('\n');
  assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.place} ${f.message}`), golden);
  const count = (s) => report.findings.filter((f) => f.severity === s).length;
  assert.deepEqual([report.errors, report.warnings, report.infos], [count('error'), count('warning'), count('info')]);
  assert.ok(report.errors > 0 && ['优', '良', '中', '差'].some((g) => report.grade.includes(g)), report.grade);
  const m4 = report.findings.find((f) => f.rule === 'M4');
  assert.equal(m4.form, '整体支出表');
  assert.equal(m4.dom_id, 'f-overall-total');
  assert.deepEqual(page.errors, []);
  assert.ok(requests.every((u) => u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')), requests.join('\n'));
});

test('a profile passed in decides what is shown; JSON text is read like an object', async () => {
  const [quiet, fromText, withOwn] = await page.evaluate(async (text) => {
    await window.jixiao.ready;
    const d = JSON.parse(text);
    const profile = { ...d.profile, show_warnings: false, show_info: false };
    return [window.jixiao.check(d, profile), window.jixiao.check(text), window.jixiao.check(d)];
  }, exampleJson());
  assert.equal(quiet.warnings + quiet.infos, 0);
  assert.equal(quiet.errors, withOwn.errors);
  assert.ok(withOwn.warnings > 0);
  assert.deepEqual(fromText, withOwn);
});

test('what it cannot read is refused with a Chinese message', async () => {
  const messages = await page.evaluate(async (text) => {
    await window.jixiao.ready;
    const attempt = (...args) => { try { window.jixiao.check(...args); return 'no error'; } catch (e) { return String(e); } };
    return [
      attempt({ hello: 1 }),
      attempt('{ not json'),
      attempt({ format: 'jixiao-declaration', schema_version: 99 }),
      attempt(JSON.parse(text), { satisfaction_min_percent: 'abc' }),
      attempt(undefined),
      attempt({ ...JSON.parse(text), year: 2022 }),
    ];
  }, exampleJson());
  assert.match(messages[0], /这不是绩效目标申报 JSON 文件/);
  assert.match(messages[1], /不是有效的 JSON：第 1 行/);
  assert.match(messages[2], /格式版本为 99/);
  assert.match(messages[3], /检查设置无法读取/);
  assert.match(messages[4], /申报数据无法读取/);
  assert.match(messages[5], /字段 year（年度）：类型不对：应为字符串/);
});

test('the script also works inlined into a page with no address (about:blank)', async () => {
  const blank = await browser.newPage();
  const errors = [];
  blank.on('pageerror', (e) => errors.push(String(e)));
  await blank.addScriptTag({ content: fs.readFileSync(script, 'utf8') });
  const errorsFound = await blank.evaluate(async (text) => {
    await window.jixiao.ready;
    return window.jixiao.check(text).errors;
  }, exampleJson());
  assert.ok(errorsFound > 0);
  assert.deepEqual(errors, []);
  await blank.close();
});

test('the types shipped beside the script name what a report holds', async () => {
  const types = fs.readFileSync(path.join(root, 'dist/api/jixiao-check.d.ts'), 'utf8');
  // The members of an interface of the .d.ts: name and whether it is optional.
  const members = (name) => {
    const body = types.match(new RegExp(`interface ${name} \\{([\\s\\S]*?)\\n  \\}`))[1];
    return new Map([...body.matchAll(/^\s+(\w+)(\?)?:/gm)].map((m) => [m[1], m[2] === '?']));
  };
  const report = await page.evaluate(async (text) => {
    await window.jixiao.ready;
    return window.jixiao.check(JSON.parse(text));
  }, exampleJson());
  const reportMembers = members('Report');
  assert.deepEqual([...reportMembers.keys()].sort(), Object.keys(report).sort());
  const findingMembers = members('Finding');
  for (const f of report.findings) {
    for (const key of Object.keys(f)) assert.ok(findingMembers.has(key), `${key} is not in the types`);
    for (const [key, optional] of findingMembers) assert.ok(optional || key in f, `${key} missing from ${f.rule}`);
  }
  // Both kinds of fix and a span occur in the example, so the optional members are exercised too.
  assert.ok(report.findings.some((f) => f.span) && report.findings.some((f) => f.fix?.type === 'replace'));
  assert.ok(report.findings.some((f) => f.fix?.type === 'set'));
});
