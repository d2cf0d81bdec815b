// After `trunk build --release` and the js-api build (scripts/build.sh): optimises the page's wasm
// and minifies its scripts (Trunk cannot pass wasm-opt flags, and its own JS minifier cannot read
// wasm-bindgen's module glue), fixing the integrity hashes in index.html; fills the service
// worker's file list for this deployment; builds the single self-contained page
// dist-single/jixiao.html (app, styles, wasm and the example inlined; runs from disk) from the same
// cargo release build of the wasm that trunk made; and packs the checker for other pages into
// dist/api/jixiao-check.js.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const release = path.join(root, 'target/wasm32-unknown-unknown/release');
const { minify } = await import(pathToFileURL(path.join(root, '.tools/node_modules/terser/main.js')).href);

// wasm-opt for every wasm we ship: for size. `--low-memory-unused` lets it fold constant offsets
// into loads and stores (-1.3 KB gzip); it is safe because Rust's wasm puts the 1 MB stack first,
// so addresses below 1024 are reached only by a stack about to overflow, which traps anyway.
const WASM_OPT = ['-Oz', '--low-memory-unused'];

/** Minified script text (terser; `module` for ES-module glue). */
async function minified(code, module) {
  const out = await minify(code, { module, compress: true, mangle: true });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}

const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');

// 0. The hosted page's wasm optimised and its module glue minified, in place; index.html's
//    integrity hashes follow the new contents (the build fails if one is not found).
let index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
for (const f of fs.readdirSync(dist)) {
  const file = path.join(dist, f);
  const before = fs.readFileSync(file);
  if (f.endsWith('_bg.wasm')) {
    run('wasm-opt', [...WASM_OPT, file, '-o', file]);
  } else if (f.endsWith('.js') && f.startsWith('jixiao-web-')) {
    fs.writeFileSync(file, await minified(before.toString('utf8'), true));
  } else {
    continue;
  }
  if (!index.includes(sri(before))) throw new Error(`index.html has no integrity hash for ${f}`);
  index = index.replace(sri(before), sri(fs.readFileSync(file)));
}
fs.writeFileSync(path.join(dist, 'index.html'), index);
fs.writeFileSync(
  path.join(dist, 'register-sw.js'),
  await minified(fs.readFileSync(path.join(root, 'web/register-sw.js'), 'utf8'), false),
);

/** wasm-bindgen's no-modules glue (a classic script defining `wasm_bindgen`) and the optimised wasm, gzipped, in base64. */
function noModules(wasmFile, name) {
  const out = path.join(root, 'target/single');
  fs.mkdirSync(out, { recursive: true });
  run('wasm-bindgen', [wasmFile, '--target', 'no-modules', '--no-typescript', '--out-dir', out, '--out-name', name]);
  run('wasm-opt', [...WASM_OPT, path.join(out, `${name}_bg.wasm`), '-o', path.join(out, `${name}_bg.opt.wasm`)]);
  return {
    glue: fs.readFileSync(path.join(out, `${name}.js`), 'utf8'),
    wasm: zlib.gzipSync(fs.readFileSync(path.join(out, `${name}_bg.opt.wasm`)), { level: 9 }).toString('base64'),
  };
}

/** Script text that unpacks a base64 gzipped wasm and calls wasm_bindgen with it; a promise. */
const unpack = (wasm) => `(function () {
  var raw = atob("${wasm}"), gz = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) gz[i] = raw.charCodeAt(i);
  return new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    .then(function (bytes) { return wasm_bindgen({ module_or_path: new Uint8Array(bytes) }); });
})()`;

// 1. The service worker's list of this deployment's files.
const files = fs.readdirSync(dist).filter((f) => f !== 'sw.js' && fs.statSync(path.join(dist, f)).isFile());
const hash = crypto.createHash('sha256');
for (const f of files.sort()) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const build = hash.digest('hex').slice(0, 16);
const sw = fs.readFileSync(path.join(root, 'web/sw.js'), 'utf8')
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => './' + f)]));
fs.writeFileSync(path.join(dist, 'sw.js'), await minified(sw, false));

// 2. The single file: wasm-bindgen's no-modules glue in a classic script, the wasm gzipped and
//    base64-encoded (the browser's DecompressionStream unpacks it; no network involved).
const { glue, wasm } = noModules(path.join(release, 'jixiao-web.wasm'), 'jixiao');
const crash = fs.readFileSync(path.join(root, 'web/crash.js'), 'utf8');
const css = fs.readFileSync(path.join(dist, files.find((f) => f.endsWith('.css'))), 'utf8');
// Inline text must not close its element early.
const safe = (s, tag) => s.replaceAll(`</${tag}`, `<\\/${tag}`);
const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<link rel="icon" href="data:,">
<title>绩效目标申报表 填报与自查</title>
<style>${safe(css, 'style')}</style>
</head>
<body>
<div id="app"></div>
<noscript>本页面需要启用 JavaScript 才能使用。</noscript>
<script>${safe(crash, 'script')}</script>
<script>${safe(glue, 'script')}</script>
<script>
(function () {
  var fail = function (e) { document.getElementById('app').textContent = '页面无法启动：' + e; };
  if (typeof DecompressionStream === 'undefined') {
    fail('浏览器版本过旧，请使用较新版本的 Chrome、Edge、Firefox 或国产浏览器的极速模式');
    return;
  }
  ${unpack(wasm)}.catch(fail);
})();
</script>
</body>
</html>
`;
fs.mkdirSync(path.join(root, 'dist-single'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist-single/jixiao.html'), html);
console.log(`[package] dist/sw.js build ${build}; dist-single/jixiao.html ${(html.length / 1024).toFixed(0)} KiB`);

// 3. The checker for other pages: one classic script, wasm inlined, that works from any page and
//    from disk. It sets window.jixiao = { ready, check(declaration[, profile]), benchmarkCheck }.
const api = noModules(path.join(release, 'jixiao.wasm'), 'jixiao-check');
// The glue works out its own URL (to fetch a .wasm beside it, which this script never does); that
// throws when the script is inlined into a page without a base URL (about:blank), so that one
// line may fail quietly.
const selfUrl = 'script_src = new URL(document.currentScript.src, location.href).toString();';
if (!api.glue.includes(selfUrl)) throw new Error('wasm-bindgen glue changed: review the patch in package.mjs');
api.glue = api.glue.replace(selfUrl, `try { ${selfUrl} } catch (e) { /* no base URL: not needed */ }`);
const apiScript = `// jixiao-check.js: the 绩效目标申报表 checker for other pages (see README.md, "The checker for other pages").
// Usage: await jixiao.ready; const report = jixiao.check(declaration[, profile]);
(function () {
${api.glue}
  var loaded = false;
  var ready = typeof DecompressionStream === 'undefined'
    ? Promise.reject(new Error('浏览器版本过旧，无法加载检查器'))
    : ${unpack(api.wasm)}.then(function () { loaded = true; });
  function call(name) {
    return function () {
      if (!loaded) throw new Error('检查器尚未加载完成：请先 await jixiao.ready');
      return wasm_bindgen[name].apply(null, arguments);
    };
  }
  window.jixiao = { ready: ready, check: call('check'), benchmarkCheck: call('benchmarkCheck') };
})();
`;
fs.mkdirSync(path.join(dist, 'api'), { recursive: true });
fs.writeFileSync(path.join(dist, 'api/jixiao-check.js'), apiScript);
console.log(`[package] dist/api/jixiao-check.js ${(apiScript.length / 1024).toFixed(0)} KiB`);
