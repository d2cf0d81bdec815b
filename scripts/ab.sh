#!/usr/bin/env bash
# Wall-clock A/B of the checker against an earlier commit, in one process: the checker at REV
# and the checker in the working tree check the generated 200 × 30 declaration by turns, run
# after run, so the noise of a shared machine falls on both alike (two benchmark programs run one
# after the other on this VM differ by more than most changes do). Prints min, p10, p25 and
# median of each. A developer's tool like scripts/instructions.sh; no test uses it.
#   bash scripts/ab.sh REV [RUNS]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
rev=$(git rev-parse --verify "${1:?usage: bash scripts/ab.sh REV [RUNS]}^{commit}")
runs=${2:-400}
work="$ROOT/target/ab"
mkdir -p "$work"

# The earlier checker, as a crate of another name.
rm -rf "$work/base"
git worktree prune
git worktree add --detach --force "$work/base" "$rev" >/dev/null
sed -i '0,/^name = "jixiao"$/s//name = "jixiao_base"/' "$work/base/Cargo.toml"

mkdir -p "$work/bench/src"
cat >"$work/bench/Cargo.toml" <<EOF
[package]
name = "ab"
version = "0.1.0"
edition = "2021"

[dependencies]
jixiao_base = { path = "$work/base" }
jixiao = { path = "$ROOT" }

[profile.release]
opt-level = 3
lto = true
codegen-units = 1
panic = "abort"

[workspace]
EOF
cat >"$work/bench/src/main.rs" <<'EOF'
use std::time::Instant;

fn summary(name: &str, times: &mut [f64], findings: usize) {
    times.sort_by(|a, b| a.total_cmp(b));
    let n = times.len();
    println!(
        "{name}: {findings} findings; min {:.2} p10 {:.2} p25 {:.2} median {:.2} ms ({n} runs)",
        times[0], times[n / 10], times[n / 4], times[n / 2]
    );
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(400);
    let a = jixiao_base::check::fixtures::generated(200, 30, 7);
    let b = jixiao::check::fixtures::generated(200, 30, 7);
    let (mut ta, mut tb, mut na, mut nb) = (Vec::new(), Vec::new(), 0, 0);
    for i in 0..runs {
        let start = Instant::now();
        if i % 2 == 0 {
            na = jixiao_base::check::check(&a, &a.profile).findings.len();
            ta.push(start.elapsed().as_secs_f64() * 1e3);
        } else {
            nb = jixiao::check::check(&b, &b.profile).findings.len();
            tb.push(start.elapsed().as_secs_f64() * 1e3);
        }
    }
    summary("before", &mut ta, na);
    summary("after ", &mut tb, nb);
}
EOF
echo "before: $(git log -1 --format='%h %s' "$rev" | cut -c1-80)"
echo "after:  the working tree"
cargo run --quiet --release --manifest-path "$work/bench/Cargo.toml" -- "$runs"
git worktree remove --force "$work/base"
