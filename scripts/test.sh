#!/usr/bin/env bash
# Runs every test: native (model, checker, command line) and browser (release build in headless Chromium).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh

echo "== native tests"
cargo test --all-targets

echo "== release build: dist/ and dist-single/jixiao.html"
bash scripts/build.sh

echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
