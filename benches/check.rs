//! Checker speed, natively: a generated declaration of 200 projects × 30 indicators (6,000 rows of
//! realistic text), checked many times, and checked again after one edit; prints the median and the spread. `cargo bench --bench check`.

use jixiao::check::{check, fixtures};
use std::time::Instant;

fn measure(label: &str, projects: usize, rows: usize, runs: usize) {
    let d = fixtures::generated(projects, rows, 7);
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let report = check(&d, &d.profile);
            std::hint::black_box(report.findings.len());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let findings = check(&d, &d.profile).findings.len();
    println!(
        "{label}: {projects} projects × {rows} rows, {findings} findings — median {:.3} ms, min {:.3} ms, p90 {:.3} ms ({runs} runs)",
        times[runs / 2],
        times[0],
        times[runs * 9 / 10]
    );
}

/// Checking again after typing one character into one project (what the app does per keystroke).
fn measure_edit(projects: usize, rows: usize, runs: usize) {
    let mut d = fixtures::generated(projects, rows, 7);
    let mut checker = jixiao::check::Checker::default();
    checker.check(&d, &d.profile);
    let mut times: Vec<f64> = (0..runs)
        .map(|i| {
            let row = &mut d.project_at_mut(i % projects).indicators[i % rows].value;
            if i % 2 == 0 {
                row.push('。')
            } else {
                row.pop();
            }
            let start = Instant::now();
            let report = checker.check(&d, &d.profile);
            std::hint::black_box(report.findings.len());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "after one edit: {projects} projects × {rows} rows — median {:.3} ms, min {:.3} ms, p90 {:.3} ms ({runs} runs)",
        times[runs / 2],
        times[0],
        times[runs * 9 / 10]
    );
}

/// With `--rules`: where the time goes, rule by rule (the fastest of 7 runs of each, so the
/// machine's noise shows less), and the total of those.
fn per_rule(projects: usize, rows: usize) {
    let d = fixtures::generated(projects, rows, 7);
    let fastest = |f: &mut dyn FnMut()| {
        (0..7)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let reading = fastest(&mut || {
        drop(std::hint::black_box(jixiao::check::Ctx::new(
            &d, &d.profile,
        )))
    });
    println!("  reading the declaration: {reading:.3} ms");
    let ctx = jixiao::check::Ctx::new(&d, &d.profile);
    let mut total = reading;
    for rule in jixiao::check::registry::RULES {
        let n = jixiao::check::run_rule(&ctx, rule).len();
        let ms = fastest(&mut || drop(std::hint::black_box(jixiao::check::run_rule(&ctx, rule))));
        total += ms;
        println!("  {:>4}: {ms:.3} ms ({n} findings)", rule.id);
    }
    println!("  total of the fastest runs: {total:.3} ms");
}

/// `cargo bench --bench check` runs everything; `-- --full`, `-- --edit`, `-- --rules` or
/// `-- --once` (a single full check, for callgrind) one part (for a profiler).
fn main() {
    // `cargo test --all-targets` runs this without `--bench`: one quick pass, no timing.
    if !std::env::args().any(|a| a == "--bench") {
        measure("smoke", 6, 12, 1);
        measure_edit(6, 12, 2);
        return;
    }
    if std::env::args().any(|a| a == "--full") {
        measure("large", 200, 30, 100);
        return;
    }
    if std::env::args().any(|a| a == "--edit") {
        measure_edit(200, 30, 300);
        return;
    }
    if std::env::args().any(|a| a == "--once") {
        // One full check, for counting instructions (`valgrind --tool=callgrind`).
        let d = fixtures::generated(200, 30, 7);
        std::hint::black_box(check(&d, &d.profile).findings.len());
        return;
    }
    if std::env::args().any(|a| a == "--rules") {
        per_rule(200, 30);
        return;
    }
    measure("example-sized", 6, 12, 200);
    measure("large", 200, 30, 60);
    measure_edit(6, 12, 200);
    measure_edit(200, 30, 60);
}
