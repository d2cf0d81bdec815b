//! `jixiao`: the checker on the command line, for a finance bureau checking many declaration files at once.
//!
//! `jixiao check [--json] FILE...` prints findings in Chinese grouped by file and form and exits 1
//! when any file has an error (2 when a file cannot be read); `jixiao rules` prints the rule reference.

use jixiao::check::{self, form_title, place, Severity};
use jixiao::model::json;
use std::process::ExitCode;

const USAGE: &str = "用法：
  jixiao check [--json] 文件.json...   检查一个或多个申报 JSON 文件
  jixiao rules                         输出检查规则一览（Markdown）
  jixiao sample [项目数] [每表指标数]    生成用于测速的申报 JSON（默认 200 × 30）
退出码：0 = 没有错误；1 = 有文件存在“错误”级问题；2 = 有文件无法读取或参数有误";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => run_check(&args[1..]),
        Some("rules") => {
            print!("{}", check::reference::markdown());
            ExitCode::SUCCESS
        }
        Some("sample") => {
            // A generated declaration for benchmarks: `jixiao sample PROJECTS ROWS`.
            let n = |i: usize, default: usize| {
                args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default)
            };
            println!(
                "{}",
                json::to_json(&check::fixtures::generated(n(1, 200), n(2, 30), 7))
            );
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run_check(args: &[String]) -> ExitCode {
    let as_json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (mut any_error, mut any_unreadable) = (false, false);
    let mut json_out = Vec::new();
    for file in files {
        let loaded = std::fs::read(file)
            .map_err(|e| format!("无法读取文件：{e}"))
            .and_then(|b| json::from_bytes(&b).map_err(|e| e.to_string()));
        match loaded {
            Err(message) => {
                any_unreadable = true;
                if as_json {
                    json_out.push(
                        serde_json::json!({ "file": file, "readable": false, "problem": message }),
                    );
                } else {
                    println!("== {file}\n  无法检查：{message}\n");
                }
            }
            Ok(d) => {
                let report = check::check_declaration(&d);
                any_error |= report.count(Severity::Error) > 0;
                if as_json {
                    let mut v = report.to_json(&d);
                    v["file"] = file.as_str().into();
                    v["readable"] = true.into();
                    json_out.push(v);
                } else {
                    print_report(file, &d, &report);
                }
            }
        }
    }
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json_out).unwrap_or_default()
        );
    }
    if any_unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_report(file: &str, d: &jixiao::model::Declaration, report: &check::Report) {
    println!(
        "== {file}\n  自查等级：{}（本工具的估计，非正式评审结果）  错误 {}，警告 {}，提示 {}",
        report.grade().label(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    let mut current = None;
    for f in &report.findings {
        let form = f.path.form();
        if current != Some(form) {
            println!("  {}", form_title(d, form));
            current = Some(form);
        }
        let fix = f
            .fix
            .as_ref()
            .map(|x| format!("  〔建议：{}〕", x.label()))
            .unwrap_or_default();
        println!(
            "    [{}] {} {}：{}{fix}",
            f.severity.label(),
            f.rule,
            place(d, f.path),
            f.message()
        );
    }
    println!();
}
