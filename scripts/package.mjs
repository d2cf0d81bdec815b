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
// Then the control flow is flattened and rebuilt by the Relooper (`--flatten --rereloop`, passes
// binaryen's own -O4 uses) and shrunk twice more: yew's large view functions come out smaller
// (-1.3 KB gzip, for ~10 s more build; measured against -Oz alone and with --gufa). The last -Oz
// repeats until nothing shrinks (`--converge`: −223 B gzip for ~25 s more, measured at 42a151e).
// The toolchain's notes of what built the wasm and the CPU features it assumes are custom sections
// no browser reads (−199 B gzip).
const WASM_OPT = [
  '-Oz', '--low-memory-unused', '--flatten', '--rereloop', '-Oz', '-Oz', '--converge',
  '--strip-producers', '--strip-target-features',
];

/** Minified script text (terser; `module` for ES-module glue). */
async function minified(code, module) {
  const out = await minify(code, { module, compress: true, mangle: true });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}

const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');

/** Unsigned LEB128 at `at`: [value, position after it]. */
function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** Unsigned LEB128 bytes of `n`. */
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Uint8Array.from(out);
}

/**
 * Gives the wasm's imports short names ("a", "b", …, "aa", …) in the wasm's import section and
 * in the glue's import object. wasm-bindgen names each import after the JS it calls plus a hash
 * (`__wbg_addEventListener_f2d27251d333a631`), once in each file: ~4 KB gzip of the page. The glue
 * must name every import exactly once as an object key (`name:`), else the build stops.
 */
function shortImportNames(wasm, glue) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const shortName = (k) => (k < 52 ? letters[k] : shortName(Math.floor(k / 52) - 1) + letters[k % 52]);
  // An import's description (function, table, memory, global or tag): where it ends.
  const limitsEnd = (at) => {
    const flags = wasm[at];
    at = readLeb(wasm, at + 1)[1];
    return flags & 1 ? readLeb(wasm, at)[1] : at;
  };
  const descriptionEnd = (at) => {
    switch (wasm[at]) {
      case 0: return readLeb(wasm, at + 1)[1];
      case 1: return limitsEnd(at + 2);
      case 2: return limitsEnd(at + 1);
      case 3: return at + 3;
      case 4: return readLeb(wasm, at + 2)[1];
      default: throw new Error(`wasm import of unknown kind ${wasm[at]}`);
    }
  };
  const parts = [wasm.subarray(0, 8)];
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id === 2) {
      let [count, p] = readLeb(wasm, start);
      const section = [leb(count)];
      for (let k = 0; k < count; k++) {
        let length;
        [length, p] = readLeb(wasm, p);
        const module = wasm.subarray(p, p + length);
        p += length;
        [length, p] = readLeb(wasm, p);
        const name = Buffer.from(wasm.subarray(p, p + length)).toString('utf8');
        p += length;
        const description = wasm.subarray(p, (p = descriptionEnd(p)));
        const short = shortName(k);
        if (glue.split(`${name}:`).length !== 2) throw new Error(`the glue does not name import ${name} once`);
        glue = glue.replace(`${name}:`, `${short}:`);
        section.push(leb(module.length), module, leb(short.length), Buffer.from(short), description);
      }
      const content = Buffer.concat(section);
      parts.push(Uint8Array.of(2), leb(content.length), content);
    } else {
      parts.push(wasm.subarray(at, end));
    }
    at = end;
  }
  return { wasm: Buffer.concat(parts), glue };
}

// 0. The hosted page's wasm optimised, its module glue minified and the imports between them
//    given short names, in place; index.html's integrity hashes follow the new contents (the
//    build stops if one is not found).
{
  const wasmFile = path.join(dist, fs.readdirSync(dist).find((f) => f.endsWith('_bg.wasm')));
  const glueFile = wasmFile.replace(/_bg\.wasm$/, '.js');
  const before = [wasmFile, glueFile].map((f) => sri(fs.readFileSync(f)));
  run('wasm-opt', [...WASM_OPT, wasmFile, '-o', wasmFile]);
  const short = shortImportNames(fs.readFileSync(wasmFile), await minified(fs.readFileSync(glueFile, 'utf8'), true));
  fs.writeFileSync(wasmFile, short.wasm);
  fs.writeFileSync(glueFile, short.glue);
  let index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  [wasmFile, glueFile].forEach((f, i) => {
    if (!index.includes(before[i])) throw new Error(`index.html has no integrity hash for ${f}`);
    index = index.replace(before[i], sri(fs.readFileSync(f)));
  });
  fs.writeFileSync(path.join(dist, 'index.html'), index);
}
fs.writeFileSync(
  path.join(dist, 'register-sw.js'),
  await minified(fs.readFileSync(path.join(root, 'web/register-sw.js'), 'utf8'), false),
);

/** wasm-bindgen's no-modules glue (a classic script defining `wasm_bindgen`) and the optimised wasm, gzipped, in base64. */
function noModules(wasmFile, name, opt = WASM_OPT) {
  const out = path.join(root, 'target/single');
  fs.mkdirSync(out, { recursive: true });
  run('wasm-bindgen', [wasmFile, '--target', 'no-modules', '--no-typescript', '--out-dir', out, '--out-name', name]);
  run('wasm-opt', [...opt, path.join(out, `${name}_bg.wasm`), '-o', path.join(out, `${name}_bg.opt.wasm`)]);
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
const paste = fs.readFileSync(path.join(root, 'web/paste.js'), 'utf8');
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
<script>${safe(paste, 'script')}</script>
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
//    Built for speed (cargo profile `api`, wasm-opt -O3): it is not part of the app page's size
//    budget, and the pages and systems that load it check whole declarations at once.
const api = noModules(
  path.join(root, 'target/wasm32-unknown-unknown/api/jixiao.wasm'),
  'jixiao-check',
  ['-O3', '--low-memory-unused', '--strip-producers', '--strip-target-features'],
);
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
// Its types, for pages and systems written in TypeScript.
fs.copyFileSync(path.join(root, 'web/jixiao-check.d.ts'), path.join(dist, 'api/jixiao-check.d.ts'));
console.log(`[package] dist/api/jixiao-check.js ${(apiScript.length / 1024).toFixed(0)} KiB`);
