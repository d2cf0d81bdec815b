// Measures the release build in headless Chromium (not a test; prints figures):
//   cold start to interactive, checker time in wasm (200 projects × 30 rows), and
//   keystroke-to-paint on the example and on a 200-project declaration.
// Run after `trunk build --release`: node tests/browser/bench.mjs [dist-folder]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, root, importFile } from './harness.mjs';

const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

function sizes() {
  let total = 0;
  for (const f of fs.readdirSync(dist)) {
    const file = path.join(dist, f);
    if (!fs.statSync(file).isFile() || f.endsWith('.map')) continue;
    const gz = Number(execFileSync('sh', ['-c', `gzip -9c '${file}' | wc -c`]).toString().trim());
    total += gz;
    console.log(`  ${f.padEnd(44)} ${String(fs.statSync(file).size).padStart(9)} B  gzip -9 ${String(gz).padStart(8)} B`);
  }
  console.log(`  total gzip -9: ${(total / 1024).toFixed(1)} KiB`);
}

async function coldStart(browser, url, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#f-overall-unit');
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return times;
}

/**
 * Types `n` characters into a field. Returns keydown-to-next-frame times in ms (keydown's timestamp
 * to a task queued from the next animation frame), and the browser's own Event Timing durations
 * of each keydown (to the next paint, in 8 ms steps; the API leaves out those under 16 ms, counted
 * here as 8).
 */
async function keystrokes(page, selector, n = 30) {
  await page.evaluate(() => {
    window.__lat = [];
    window.__evt = [];
    if (window.__benchListening) return;
    window.__benchListening = true;
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    }, { capture: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__evt.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  await page.click(selector);
  for (let i = 0; i < n; i++) {
    await page.keyboard.type(String(i % 10));
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const { lat, evt } = await page.evaluate(() => ({ lat: window.__lat, evt: window.__evt }));
  return { lat, evt: [...evt, ...Array(Math.max(0, lat.length - evt.length)).fill(8)] };
}

/** One line of keystroke figures. */
function report(label, { lat, evt }) {
  console.log(`keystroke to paint, ${label}: median ${median(lat).toFixed(1)} ms, p90 ${p90(lat).toFixed(1)} ms; Event Timing median ${median(evt)} ms (${evt.filter((d) => d >= 16).length}/${evt.length} at 16 ms or more)`);
}

const server = await serve(dist);
const browser = await launch();
console.log(`release build: ${dist}`);
sizes();
const cold = await coldStart(browser, server.url);
console.log(`cold start to interactive (navigation → form on screen): median ${median(cold).toFixed(0)} ms, p90 ${p90(cold).toFixed(0)} ms (${cold.length} runs)`);

const singleFile = path.join(root, 'dist-single/jixiao.html');
if (fs.existsSync(singleFile)) {
  const { pathToFileURL } = await import('node:url');
  console.log(`single file: ${(fs.statSync(singleFile).size / 1024).toFixed(0)} KiB`);
  const fromDisk = await coldStart(browser, pathToFileURL(singleFile).href);
  console.log(`cold start from file:// (single file): median ${median(fromDisk).toFixed(0)} ms, p90 ${p90(fromDisk).toFixed(0)} ms (${fromDisk.length} runs)`);
}

const context = await browser.newContext();
const page = await context.newPage();
page.on('dialog', (d) => d.accept());
await page.goto(server.url);
await page.waitForSelector('#f-overall-unit');
// The checker in wasm, in the script other pages load (dist/api/jixiao-check.js, built for speed;
// the app page's own wasm is built for size).
const apiPage = await context.newPage();
await apiPage.addScriptTag({ path: path.join(dist, 'api/jixiao-check.js') });
await apiPage.evaluate(() => window.jixiao.ready);
const wasm = await apiPage.evaluate(() => window.jixiao.benchmarkCheck(200, 30, 30, false));
console.log(`checker in wasm (checker script, built for speed), 200 projects × 30 rows: median ${median(wasm).toFixed(2)} ms, min ${wasm[0].toFixed(2)} ms (30 runs)`);
for (const [projects, rows] of [[6, 12], [200, 30]]) {
  const edit = await apiPage.evaluate(([p, r]) => window.jixiao.benchmarkCheck(p, r, 60, true), [projects, rows]);
  console.log(`checker in wasm after one edit, ${projects} projects × ${rows} rows: median ${median(edit).toFixed(2)} ms, min ${edit[0].toFixed(2)} ms (60 runs)`);
}
await apiPage.close();

// The floor of this method here: the same measurement on a bare page with one textarea.
const bare = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'jixiao-bare-'));
fs.writeFileSync(path.join(bare, 'index.html'), '<!DOCTYPE html><textarea id="t" rows="6" cols="80">主要任务</textarea>');
const bareServer = await serve(bare);
const barePage = await context.newPage();
await barePage.goto(bareServer.url);
report("bare textarea (the method's floor on this machine)", await keystrokes(barePage, '#t'));
await barePage.close();
await bareServer.close();

await page.getByRole('button', { name: '载入示例' }).click();
report('example', await keystrokes(page, '#f-overall-tasks'));
// What the page itself costs, with no app work: a plain textarea put into the example's form.
await page.evaluate(() => {
  const t = document.createElement('textarea');
  t.id = 'bench-plain';
  t.className = 'text';
  document.querySelector('.sheet').prepend(t);
});
report('a plain textarea inside the example page (no app work)', await keystrokes(page, '#bench-plain'));
await page.evaluate(() => document.getElementById('bench-plain').remove());

execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'jixiao'], { cwd: root, stdio: 'inherit' });
const big = execFileSync(path.join(root, 'target/release/jixiao'), ['sample', '200', '30'], { maxBuffer: 256 * 1024 * 1024 });
await importFile(page, 'bench-200.json', big);
await page.waitForSelector('#notice >> text=已导入');
report('200 projects × 30 rows, overall form', await keystrokes(page, '#f-overall-tasks'));
await page.getByRole('tab').nth(100).click();
report('200 projects × 30 rows, an indicator of project 100', await keystrokes(page, '.grid td.value textarea >> nth=0'));
await browser.close();
await server.close();
