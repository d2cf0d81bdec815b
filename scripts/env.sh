# Sourced by the scripts: puts the pinned tools on PATH (cargo's bin, .tools/node_modules/.bin).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
