#!/usr/bin/env bash
# Serves the app locally at http://127.0.0.1:8080/ (release build; the example is built in: "载入示例").
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve-dist.mjs
