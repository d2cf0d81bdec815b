//! The `jixiao` command: many files at once, Chinese output grouped by file and form, JSON, exit codes.

use std::process::Command;

fn jixiao(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn temp(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_example_has_errors_and_they_are_printed_by_form() {
    let (code, out) = jixiao(&[
        "check",
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/renhe-2022.json"),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("自查等级：差"));
    assert!(out.contains("  整体支出表\n"));
    assert!(out.contains("  项目表“建立村居人大代表联络站”\n"));
    assert!(out.contains("[错误] M4 年度财政拨款资金总额：人员经费 712.32"));
}

#[test]
fn a_correct_file_passes_and_an_unreadable_one_does_not_stop_the_others() {
    let good = temp(
        "good.json",
        jixiao::model::json::to_json(&jixiao::check::fixtures::good()).as_bytes(),
    );
    let (code, out) = jixiao(&["check", &good]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("错误 0，警告 0"));
    let broken = temp("broken.json", b"{ not json");
    let (code, out) = jixiao(&["check", &broken, &good, "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(out.contains("无法检查：文件不是有效的 JSON"));
    assert!(out.contains("无法检查：无法读取文件：找不到这个文件"));
    assert!(
        !out.contains("os error"),
        "the system's English stays out: {out}"
    );
    assert!(
        out.contains("错误 0，警告 0"),
        "the good file between them is still checked"
    );
}

#[test]
fn json_output_is_machine_readable() {
    let broken = temp("broken2.json", b"[]");
    let (code, out) = jixiao(&[
        "check",
        "--json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/renhe-2022.json"),
        &broken,
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["grade"], "差");
    assert!(v[0]["errors"].as_u64().unwrap() >= 5);
    let m4 = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "M4")
        .unwrap();
    assert_eq!(m4["severity"], "error");
    assert_eq!(m4["kind"]["kind"], "overall_parts_dont_add");
    assert_eq!(m4["kind"]["sum"], "921.84");
    assert_eq!(m4["fix"]["text"], "921.84");
    assert_eq!(m4["form"], "整体支出表");
    assert_eq!(v[1]["readable"], false);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(jixiao(&[]).0, 2);
    assert_eq!(jixiao(&["check"]).0, 2);
    assert_eq!(jixiao(&["--help"]).0, 0);
}

#[test]
fn a_folder_is_checked_file_by_file_and_so_is_a_wildcard_the_shell_left_alone() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-folder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("二区")).unwrap();
    std::fs::create_dir_all(dir.join(".backup")).unwrap();
    let good = jixiao::model::json::to_json(&jixiao::check::fixtures::good());
    let example = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/renhe-2022.json"
    ))
    .unwrap();
    std::fs::write(dir.join("一区.JSON"), &good).unwrap();
    std::fs::write(dir.join("二区/仁和.json"), &example).unwrap();
    std::fs::write(dir.join("说明.txt"), "not a declaration").unwrap();
    // Last run's report, saved beside the declarations: JSON, but no declaration.
    std::fs::write(dir.join("检查结果.json"), "[{\"file\": \"一区.JSON\"}]").unwrap();
    std::fs::write(dir.join(".backup/old.json"), "{").unwrap();
    let folder = dir.to_string_lossy().into_owned();

    let (code, out) = jixiao(&["check", &folder]);
    assert_eq!(code, 1, "{out}");
    let files: Vec<&str> = out.lines().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(
        files.len(),
        2,
        "the .json files, in subfolders too, not hidden ones: {out}"
    );
    assert!(
        files[0].ends_with("一区.JSON") && files[1].ends_with("仁和.json"),
        "{files:?}"
    );
    assert!(
        out.contains("共 2 个文件：1 个有错误，0 个无法检查\n跳过 1 个不是申报文件的 .json 文件："),
        "{out}"
    );
    assert!(
        out.ends_with("检查结果.json\n"),
        "the skipped file is named: {out}"
    );
    let (_, csv) = jixiao(&["check", "--csv", &folder]);
    assert!(
        csv.contains("检查结果.json,,,,,跳过,,不是申报文件,"),
        "{csv}"
    );

    // As Windows' cmd passes `jixiao check 文件夹\*.json` on: the folder's own files only, the
    // report among them skipped.
    let (code, out) = jixiao(&["check", &format!("{folder}/*.json")]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("== ").count(), 1, "{out}");
    assert!(out.contains("跳过 1 个"), "{out}");
    assert!(out.contains("一区.JSON"));
    let (code, out) = jixiao(&["check", &format!("{folder}/三*.json")]);
    assert_eq!(code, 2);
    assert!(out.contains("没有与“三*.json”匹配的文件"), "{out}");

    // A folder of reports only: nothing to check is no success.
    let reports = dir.join("报告");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("结果.json"), "[]").unwrap();
    let (code, out) = jixiao(&["check", &reports.to_string_lossy()]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("跳过 1 个") && out.contains("没有找到可检查的申报文件"),
        "{out}"
    );

    let empty = dir.join("空");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, out) = jixiao(&["check", &empty.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(out.contains("无法检查：文件夹中没有 .json 文件"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_output_opens_in_a_spreadsheet_a_row_per_finding() {
    let mut d = jixiao::check::fixtures::good();
    d.unit_name = "=HYPERLINK(\"x\"),某局".into();
    let odd = temp("odd-unit.json", jixiao::model::json::to_json(&d).as_bytes());
    let broken = temp("broken3.json", b"{");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/renhe-2022.json");
    let (code, out) = jixiao(&["check", "--csv", example, &odd, &broken]);
    assert_eq!(code, 2, "{out}");
    assert!(out.starts_with("\u{feff}文件,预算单位,自查等级,表,位置,级别,规则,问题,建议修改\r\n"));
    let rows: Vec<&str> = out.trim_end().split("\r\n").skip(1).collect();
    let example_rows = rows.iter().filter(|r| r.starts_with(example)).count();
    let findings = jixiao::check::check_declaration(
        &jixiao::model::json::from_bytes(&std::fs::read(example).unwrap()).unwrap(),
    )
    .findings
    .len();
    assert_eq!(example_rows, findings, "a row per finding");
    assert!(out.contains(",攀枝花市仁和区人大常委会办公室,差,整体支出表,年度财政拨款资金总额,错误,M4,人员经费 712.32"));
    // The unit name is one cell, quoted, and cannot run as a formula.
    assert!(out.contains(",\"'=HYPERLINK(\"\"x\"\"),某局\","), "{out}");
    assert!(rows
        .iter()
        .any(|r| r.starts_with(&broken) && r.contains(",无法检查,,文件不是有效的 JSON")));
    let (code, _) = jixiao(&["check", "--cvs", example]);
    assert_eq!(code, 2, "an unknown option is refused, not read as a file");
}

/// `jixiao check … | head`, or a pager quit early: the reader stops reading. The output ends
/// quietly (it panicked with "failed printing to stdout: Broken pipe"), and the exit code still
/// says what the check found.
#[test]
fn a_reader_that_stops_reading_ends_the_output_not_the_check() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let (_, sample) = jixiao(&["sample", "50", "30"]);
    let file = temp("many-findings.json", sample.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["check", &file])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("== "), "{first}");
    // The reader is dropped here: its end of the pipe closes while hundreds of KB are still to come.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(1),
        "the sample has errors: {stderr}"
    );
}
