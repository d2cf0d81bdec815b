#!/usr/bin/env bash
# The release build, all outputs: dist/ (static hosting, relative paths, offline after one visit),
# dist-single/jixiao.html (one self-contained file that runs from disk) and
# dist/api/jixiao-check.js (the checker alone, for other pages; not loaded by the app).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# The wasm is built with a pinned nightly that rebuilds the standard library for size: a panic
# aborts at once (no panic messages or locations in the file; web/crash.js tells the user) and
# std picks its smaller algorithms. This is ~30 KB gzip of the page. `-Zfmt-debug=none` and
# `-Zlocation-detail=none` leave out `Debug` formatting and source locations, which nothing in the
# page shows (−195 B gzip). Native builds and the tests use the stable toolchain; scripts/setup.sh
# installs both.
export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"

trunk build --release
# The checker script for other pages is built for speed (profile `api` in Cargo.toml), with std's
# own fast algorithms: it is not part of the page's size budget.
CARGO_UNSTABLE_BUILD_STD_FEATURES= cargo rustc --profile api --lib --target wasm32-unknown-unknown --features js-api --crate-type cdylib
node scripts/package.mjs
