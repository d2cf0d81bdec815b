# Sourced by the scripts: puts the pinned tools on PATH (cargo's bin, .tools/node_modules/.bin).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# The toolchain of the wasm release build (scripts/build.sh says why it is a nightly).
export WASM_TOOLCHAIN=nightly-2026-05-20
