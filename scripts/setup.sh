#!/usr/bin/env bash
# Installs every tool the build and the tests need, pinned, and skips what is already there.
# Safe to run again: each step checks before it installs. Uses only the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
PLAYWRIGHT_VERSION=1.65.1
TERSER_VERSION=5.51.4

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm release build's toolchain (scripts/build.sh): a dated nightly with the std sources.
source scripts/env.sh
if ! rustup component list --toolchain "$WASM_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing $WASM_TOOLCHAIN with rust-src (for the wasm release build)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src
fi
# It rebuilds std from those sources, and std's own dependencies (wasip1 …) come from crates.io:
# fetched here, or the offline build (Trunk.toml) fails on a machine that never built it. A
# no-op when they are in cargo's cache.
std_manifest="$(rustc +"$WASM_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
cargo +"$WASM_TOOLCHAIN" fetch --quiet --manifest-path "$std_manifest"
# The same for the app's own wasm-only crates (yew, talc …): a native build never downloads them.
cargo fetch --quiet --target wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# Its lock file pins a yanked crate, so no --locked here (see shared/spec/toolchain.md).
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Node tools (wasm-opt from npm's binaryen, playwright-core, terser for the page's scripts) live
# in .tools/, pinned by version.
if [ ! -x .tools/node_modules/.bin/wasm-opt ] \
  || ! grep -q "\"version\": \"$BINARYEN_VERSION\"" .tools/node_modules/binaryen/package.json 2>/dev/null \
  || ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" .tools/node_modules/playwright-core/package.json 2>/dev/null \
  || ! grep -q "\"version\": \"$TERSER_VERSION\"" .tools/node_modules/terser/package.json 2>/dev/null; then
  say "installing binaryen $BINARYEN_VERSION, playwright-core $PLAYWRIGHT_VERSION and terser $TERSER_VERSION into .tools/"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"name":"jixiao-tools","private":true}' > .tools/package.json
  npm install --prefix .tools --no-audit --no-fund --save-exact \
    "binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" "terser@$TERSER_VERSION"
fi

# Chromium for the browser tests, and a CJK font so screenshots show Chinese, not boxes.
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}"
fi

say "tools ready"
