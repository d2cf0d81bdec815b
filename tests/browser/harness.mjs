// Shared harness for the browser tests: a static server for dist/ on loopback, headless Chromium
// through playwright-core (installed by scripts/setup.sh into .tools/), and small page helpers.
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, '.tools/package.json'));
const { chromium } = require('playwright-core');

export const outDir = path.join(here, 'out');
fs.mkdirSync(outDir, { recursive: true });

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json',
};

/** Serves a folder on 127.0.0.1 at a free port; every request path is logged. */
export async function serve(dir = path.join(root, 'dist'), port = 0) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = server.address().port;
  return { url: `http://127.0.0.1:${bound}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Debian's Chromium headless, with no background network use. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Opens a new page that fails the test on any page error or console error. */
export async function openPage(browser, url, { context: ctx } = {}) {
  const context = ctx || await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  await page.waitForSelector('.topbar h1');
  return { page, context };
}

/** Clicks a button by its visible text and waits for the download it starts; returns the file's text and name. */
export async function download(page, buttonText = '下载 JSON') {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonText }).click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** Chooses a file for the 导入 JSON input. */
export async function importFile(page, name, content) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

export const exampleJson = () => fs.readFileSync(path.join(root, 'examples/renhe-2022.json'), 'utf8');
