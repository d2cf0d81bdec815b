//! `jixiao`: the checker on the command line, for a finance bureau checking many declaration files at once.
//!
//! `jixiao check [--json|--csv] FILE|FOLDER...` prints findings in Chinese grouped by file and form and
//! exits 1 when any file has an error (2 when a file cannot be read); `jixiao rules` prints the
//! rule reference.

use jixiao::check::{self, form_title, place, Severity};
use jixiao::model::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "用法：
  jixiao check [--json|--csv] 文件或文件夹...
                                       检查一个或多个申报 JSON 文件（文件夹：其中所有 .json 文件；可用 *.json）；
                                       --json 输出 JSON，--csv 输出可用 Excel 打开的表格
  jixiao rules                         输出检查规则一览（Markdown）
  jixiao sample [项目数] [每表指标数]    生成用于测速的申报 JSON（默认 200 × 30）
退出码：0 = 没有错误；1 = 有文件存在“错误”级问题；2 = 有文件无法读取或参数有误";

/// Prints to stdout like `print!`, but a reader that stops reading (`| head`, a pager quit)
/// ends the output quietly, not with a panic: the checking goes on and the exit code still tells.
macro_rules! out {
    ($($arg:tt)*) => { write_out(format_args!($($arg)*)) };
}

/// [`out!`] with a newline, like `println!`.
macro_rules! outln {
    () => { out!("\n") };
    ($($arg:tt)*) => { out!("{}\n", format_args!($($arg)*)) };
}

fn write_out(text: std::fmt::Arguments) {
    use std::io::Write;
    match std::io::stdout().write_fmt(text) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => eprintln!("无法输出：{e}"),
        _ => {}
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => run_check(&args[1..]),
        Some("rules") => {
            out!("{}", check::reference::markdown());
            ExitCode::SUCCESS
        }
        Some("sample") => {
            // A generated declaration for benchmarks: `jixiao sample PROJECTS ROWS`.
            let n = |i: usize, default: usize| {
                args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default)
            };
            outln!(
                "{}",
                json::to_json(&check::fixtures::generated(n(1, 200), n(2, 30), 7))
            );
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            outln!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// How `jixiao check` prints its results.
#[derive(Clone, Copy)]
enum Output {
    /// Chinese text grouped by file and form.
    Text,
    /// One JSON array, an object per file.
    Json,
    /// One table, a row per finding, for a spreadsheet.
    Csv,
}

fn run_check(args: &[String]) -> ExitCode {
    let mut output = Output::Text;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => output = Output::Json,
            "--csv" => output = Output::Csv,
            option if option.starts_with("--") => {
                eprintln!("未知选项“{option}”\n{USAGE}");
                return ExitCode::from(2);
            }
            file => files.push(file),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (mut checked, mut with_errors, mut unreadable) = (0, 0, 0);
    // JSON files found in a folder (or by a wildcard) that are no declaration: a report saved
    // beside the declarations, a settings file. Named, not checked, and no reason to fail.
    let mut skipped = Vec::new();
    let mut json_out = Vec::new();
    let mut csv = Csv::default();
    for input in files.iter().flat_map(|arg| inputs(arg)) {
        let file = input.name;
        let bytes = input.path.and_then(|path| {
            std::fs::read(path).map_err(|e| format!("无法读取文件：{}", io_problem(&e)))
        });
        let loaded = match bytes.map(|b| json::from_bytes(&b)) {
            Ok(Err(json::ImportError::NotADeclaration { .. })) if input.found => {
                match output {
                    Output::Text => {}
                    Output::Json => json_out.push(serde_json::json!({
                        "file": file, "readable": false, "skipped": true, "problem": "不是申报文件，已跳过"
                    })),
                    Output::Csv => csv.row([&file, "", "", "", "", "跳过", "", "不是申报文件", ""]),
                }
                skipped.push(file);
                continue;
            }
            Ok(loaded) => loaded.map_err(|e| e.to_string()),
            Err(message) => Err(message),
        };
        checked += 1;
        match loaded {
            Err(message) => {
                unreadable += 1;
                match output {
                    Output::Text => outln!("== {file}\n  无法检查：{message}\n"),
                    Output::Json => json_out.push(
                        serde_json::json!({ "file": file, "readable": false, "problem": message }),
                    ),
                    Output::Csv => csv.row([&file, "", "", "", "", "无法检查", "", &message, ""]),
                }
            }
            Ok(d) => {
                let report = check::check_declaration(&d);
                with_errors += usize::from(report.count(Severity::Error) > 0);
                match output {
                    Output::Text => print_report(&file, &d, &report),
                    Output::Json => {
                        let mut v = report.to_json(&d);
                        v["file"] = file.as_str().into();
                        v["readable"] = true.into();
                        json_out.push(v);
                    }
                    Output::Csv => csv_report(&mut csv, &file, &d, &report),
                }
            }
        }
    }
    match output {
        Output::Text => {
            if checked > 1 {
                outln!("共 {checked} 个文件：{with_errors} 个有错误，{unreadable} 个无法检查");
            }
            if !skipped.is_empty() {
                outln!(
                    "跳过 {} 个不是申报文件的 .json 文件：{}",
                    skipped.len(),
                    skipped.join("、")
                );
            }
            if checked == 0 {
                outln!("没有找到可检查的申报文件");
            }
        }
        Output::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&json_out).unwrap_or_default()
        ),
        Output::Csv => out!("{}", csv.text),
    }
    // Nothing checked is no success: every file found was skipped.
    if unreadable > 0 || checked == 0 {
        ExitCode::from(2)
    } else if with_errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A table in CSV (RFC 4180) as Excel opens it: UTF-8 with a byte-order mark (without one Excel
/// reads Chinese as the system's code page), rows ending in CR LF.
struct Csv {
    text: String,
}

impl Default for Csv {
    fn default() -> Csv {
        let mut csv = Csv {
            text: "\u{feff}".into(),
        };
        csv.row([
            "文件",
            "预算单位",
            "自查等级",
            "表",
            "位置",
            "级别",
            "规则",
            "问题",
            "建议修改",
        ]);
        csv
    }
}

impl Csv {
    fn row<const N: usize>(&mut self, cells: [&str; N]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            // A cell starting with = + - or @ would run as a formula in a spreadsheet: a name
            // typed into a form must not.
            let cell = if cell.starts_with(['=', '+', '-', '@']) {
                format!("'{cell}")
            } else {
                cell.to_string()
            };
            if cell.contains([',', '"', '\n', '\r']) {
                self.text.push('"');
                self.text.push_str(&cell.replace('"', "\"\""));
                self.text.push('"');
            } else {
                self.text.push_str(&cell);
            }
        }
        self.text.push_str("\r\n");
    }
}

/// A file's findings as rows of the table; a file with none gets one row that says so, so every
/// file checked is in the table.
fn csv_report(csv: &mut Csv, file: &str, d: &jixiao::model::Declaration, report: &check::Report) {
    let grade = report.grade().label();
    let unit = d.unit_name.trim();
    if report.findings.is_empty() {
        csv.row([file, unit, grade, "", "", "", "", "未发现问题", ""]);
    }
    for f in &report.findings {
        let fix = f.fix.as_ref().map(|x| x.label()).unwrap_or_default();
        csv.row([
            file,
            unit,
            grade,
            &form_title(d, f.path.form()),
            &place(d, f.path),
            f.severity.label(),
            f.rule,
            &f.message(),
            &fix,
        ]);
    }
}

/// A file to check, as an argument names it.
struct Input {
    /// The name to print.
    name: String,
    /// Where it is, or why the argument names no file.
    path: Result<PathBuf, String>,
    /// Found in a folder or by a wildcard rather than named: a JSON file there that is no
    /// declaration is skipped, not an error.
    found: bool,
}

/// The files an argument names: the file itself; every .json file in a folder and its
/// subfolders, in order of path; or, for a name with * or ? that is no file (Windows' cmd passes
/// wildcards on as typed), the files of its folder it matches. When it names none, one input
/// that says why.
fn inputs(arg: &str) -> Vec<Input> {
    let path = Path::new(arg);
    let named = |path: Result<PathBuf, String>| {
        vec![Input {
            name: arg.to_string(),
            path,
            found: false,
        }]
    };
    let found = |paths: Vec<PathBuf>| {
        (paths.into_iter())
            .map(|p| Input {
                name: p.display().to_string(),
                path: Ok(p),
                found: true,
            })
            .collect()
    };
    if path.is_dir() {
        let mut paths = Vec::new();
        json_files(path, &mut paths);
        if paths.is_empty() {
            return named(Err("文件夹中没有 .json 文件".into()));
        }
        paths.sort();
        return found(paths);
    }
    let pattern = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if path.exists() || !pattern.contains(['*', '?']) {
        return named(Ok(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| wildcard_match(pattern, n))
                })
                .collect()
        })
        .unwrap_or_default();
    if paths.is_empty() {
        return named(Err(format!("无法读取文件：没有与“{pattern}”匹配的文件")));
    }
    paths.sort();
    found(paths)
}

/// Every file ending in .json (in any case) in a folder and its subfolders, leaving out hidden
/// ones (a name starting with ".") and not following links to folders (which could loop).
fn json_files(folder: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            json_files(&path, into);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            into.push(path);
        }
    }
}

/// Whether a file name matches a pattern of * (any run of chars) and ? (one char), ignoring
/// the case of ASCII letters as Windows does.
fn wildcard_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // Where the last * was met in the pattern, and the name position it now stands for.
    let (mut i, mut j, mut star) = (0, 0, None::<(usize, usize)>);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i].eq_ignore_ascii_case(&n[j])) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            // Let the last * take one more char and try again after it.
            star = Some((si, sj + 1));
            i = si + 1;
            j = sj + 1;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

/// Why a file could not be read, in Chinese.
fn io_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "找不到这个文件".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取这个文件的权限".into(),
        _ => format!("读取时出错（{e}）"),
    }
}

fn print_report(file: &str, d: &jixiao::model::Declaration, report: &check::Report) {
    outln!(
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
            outln!("  {}", form_title(d, form));
            current = Some(form);
        }
        let fix = f
            .fix
            .as_ref()
            .map(|x| format!("  〔建议：{}〕", x.label()))
            .unwrap_or_default();
        outln!(
            "    [{}] {} {}：{}{fix}",
            f.severity.label(),
            f.rule,
            place(d, f.path),
            f.message()
        );
    }
    outln!();
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn wildcards_match_as_windows_reads_them() {
        for (pattern, name, matches) in [
            ("*.json", "仁和区.json", true),
            ("*.json", "仁和区.JSON", true),
            ("*.json", "仁和区.json.bak", false),
            ("*", "任何文件", true),
            ("?区.json", "一区.json", true),
            ("?区.json", "仁和区.json", false),
            ("*区*.json", "仁和区2026.json", true),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
            ("2026*", "2025-仁和.json", false),
            ("", "", true),
            ("", "x", false),
        ] {
            assert_eq!(wildcard_match(pattern, name), matches, "{pattern} / {name}");
        }
    }
}
