#!/usr/bin/env bash
# The release build, both outputs: dist/ (static hosting, relative paths, offline after one visit)
# and dist-single/jixiao.html (one self-contained file that runs from disk).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --release
node scripts/package.mjs
