//! The declaration file format: versioned JSON out, and JSON in with clear Chinese errors.
//!
//! A file is an object with `"format": "jixiao-declaration"`, `"schema_version": 1` and the
//! declaration's fields; `schema/declaration.schema.json` documents it. Money is a string.

mod read;
mod write;

use super::{
    Amount, Cell, Declaration, Direction, Framework, Id, IndicatorRow, OverallForm, Profile,
    ProjectAttribute, ProjectForm, Sign, Standard,
};
use read::{Failure, Kind, Read, Reader};
use std::fmt;
use std::rc::Rc;
use write::Writer;

/// The value of the `format` field that marks a declaration file.
pub const FORMAT: &str = "jixiao-declaration";
/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u64 = 1;

/// Why a file could not be imported. The declaration on screen is never touched by a failed import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// Whether the bytes look like GBK, the usual other encoding of Chinese text.
        looks_gbk: bool,
    },
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, in Chinese.
        problem: String,
    },
    /// JSON, but not a declaration file.
    NotADeclaration {
        /// Why, in Chinese.
        reason: String,
    },
    /// A declaration file of a schema version this build does not read.
    Version {
        /// The version the file states.
        found: String,
    },
    /// A field holds something of the wrong shape.
    Field {
        /// The field's path in the file ("projects[2].total").
        path: String,
        /// The same place in the form's words.
        place: String,
        /// What is wrong, in Chinese.
        problem: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotUtf8 { line, looks_gbk } => {
                write!(f, "文件不是 UTF-8 编码的文本（第 {line} 行起无法识别）")?;
                if *looks_gbk {
                    write!(f, "，看起来是 GBK 编码，请用记事本“另存为”UTF-8 后再导入")?;
                }
                Ok(())
            }
            ImportError::Syntax { line, column, problem } => {
                write!(f, "文件不是有效的 JSON：第 {line} 行第 {column} 列，{problem}")
            }
            ImportError::NotADeclaration { reason } => write!(f, "这不是绩效目标申报 JSON 文件：{reason}"),
            ImportError::Version { found } => write!(
                f,
                "文件的格式版本为 {found}，本工具只能读取版本 {SCHEMA_VERSION}，请使用对应版本的工具"
            ),
            ImportError::Field { path, problem, .. } if path.is_empty() => write!(f, "{problem}"),
            ImportError::Field { path, place, problem } => {
                write!(f, "字段 {path}")?;
                if !place.is_empty() {
                    write!(f, "（{place}）")?;
                }
                write!(f, "：{problem}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Writes a declaration as the versioned, pretty-printed JSON file. Optional parts left empty
/// are not written.
pub fn to_json(d: &Declaration) -> String {
    let mut w = Writer::new();
    w.object(&mut |w| {
        w.key("format").string(FORMAT);
        w.key("schema_version").plain(SCHEMA_VERSION);
        w.key("year").string(&d.year);
        w.key("unit_name").string(&d.unit_name);
        w.key("profile")
            .object(&mut |w| write_profile(w, &d.profile));
        w.key("overall")
            .object(&mut |w| write_overall(w, &d.overall));
        w.key("projects").array(&mut |w| {
            for p in &d.projects {
                w.item();
                w.object(&mut |w| write_project(w, p));
            }
        });
    });
    w.finish()
}

fn write_profile(w: &mut Writer, p: &Profile) {
    if let Some(f) = p.framework {
        w.key("framework").string(f.key());
    }
    w.key("project_set_complete").plain(p.project_set_complete);
    w.key("satisfaction_min_percent")
        .plain(p.satisfaction_min_percent);
    w.key("satisfaction_warn_at_100")
        .plain(p.satisfaction_warn_at_100);
    w.key("target_text_cap").plain(p.target_text_cap);
    w.key("indicator_cell_cap").plain(p.indicator_cell_cap);
    w.key("cost_explained_min_percent")
        .plain(p.cost_explained_min_percent);
    w.key("min_indicators_per_form")
        .plain(p.min_indicators_per_form);
    w.key("weight_split").array(&mut |w| {
        for n in p.weight_split {
            w.item();
            w.plain(n);
        }
    });
    w.key("show_warnings").plain(p.show_warnings);
    w.key("show_info").plain(p.show_info);
}

fn write_overall(w: &mut Writer, f: &OverallForm) {
    w.key("year").string(&f.year);
    w.key("unit_name").string(&f.unit_name);
    optional_text(w, "department", &f.department);
    w.key("total").string(&f.total.to_text());
    w.key("personnel").string(&f.personnel.to_text());
    w.key("operating").string(&f.operating.to_text());
    w.key("project_funds").string(&f.project_funds.to_text());
    w.key("tasks").string(&f.tasks);
    write_rows(w, "indicators", &f.indicators);
}

fn write_project(w: &mut Writer, p: &ProjectForm) {
    w.key("id").plain(p.id.0);
    w.key("year").string(&p.year);
    w.key("name").string(&p.name);
    w.key("unit_name").string(&p.unit_name);
    w.key("total").string(&p.total.to_text());
    w.key("appropriation").string(&p.appropriation.to_text());
    w.key("other_funds").string(&p.other_funds.to_text());
    w.key("annual_target").string(&p.annual_target);
    write_rows(w, "indicators", &p.indicators);
    optional_text(w, "department", &p.department);
    optional_text(w, "implementing_unit", &p.implementing_unit);
    optional_text(w, "manager", &p.manager);
    optional_text(
        w,
        "attribute",
        p.attribute.map_or("", ProjectAttribute::label),
    );
    optional_text(w, "period", &p.period);
    optional_text(w, "carryover", &p.carryover.to_text());
    optional_text(w, "long_term_target", &p.long_term_target);
    if !p.long_term_indicators.is_empty() {
        write_rows(w, "long_term_indicators", &p.long_term_indicators);
    }
}

fn write_rows(w: &mut Writer, key: &str, rows: &[IndicatorRow]) {
    w.key(key).array(&mut |w| {
        for row in rows {
            w.item();
            w.object(&mut |w| {
                w.key("id").plain(row.id.0);
                w.key("level1").string(&row.level1);
                w.key("level2").string(&row.level2);
                w.key("level3").string(&row.level3);
                w.key("value").string(&row.value);
                optional_text(w, "sign", row.sign.map_or("", Sign::label));
                optional_text(w, "number", &row.number.to_text());
                optional_text(w, "unit", &row.unit);
                optional_text(w, "weight", &row.weight.to_text());
                optional_text(w, "score", &row.score.to_text());
                optional_text(w, "direction", row.direction.map_or("", Direction::label));
                optional_text(w, "explanation", &row.explanation);
                optional_text(w, "scoring", &row.scoring);
                optional_text(w, "standard", row.standard.map_or("", Standard::label));
            });
        }
    });
}

/// An optional member, written only when it holds something.
fn optional_text(w: &mut Writer, key: &str, text: &str) {
    if !text.is_empty() {
        w.key(key).string(text);
    }
}

/// The download file name: "绩效目标申报表-<unit>-<year>.json", without characters file systems refuse.
pub fn file_name(declaration: &Declaration) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                !super::money::is_blank_char(*c) && !r#"/\:*?"<>|"#.contains(*c) && !c.is_control()
            })
            .collect()
    };
    let parts: Vec<String> = [clean(&declaration.unit_name), clean(&declaration.year)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        "绩效目标申报表.json".into()
    } else {
        format!("绩效目标申报表-{}.json", super::joined(&parts, "-"))
    }
}

/// Reads a declaration file from raw bytes (a UTF-8 byte-order mark is allowed).
///
/// # Errors
/// [`ImportError`] says what is wrong and where: encoding (line), JSON syntax (line and column),
/// not a declaration, another schema version, or a field of the wrong shape (its path).
pub fn from_bytes(bytes: &[u8]) -> Result<Declaration, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        ImportError::NotUtf8 {
            line: good.iter().filter(|b| **b == b'\n').count() + 1,
            looks_gbk: looks_gbk(bytes),
        }
    })?;
    from_str(text)
}

/// Reads a declaration file from text.
///
/// # Errors
/// As [`from_bytes`], without the encoding case.
pub fn from_str(text: &str) -> Result<Declaration, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::NotADeclaration {
            reason: "文件是空的".into(),
        });
    }
    // First the syntax of the whole text and the two header fields, then the declaration.
    let Some((format, version)) = header(text).map_err(import_error)? else {
        return Err(ImportError::NotADeclaration {
            reason: "文件内容不是一个 JSON 对象（{…}）".into(),
        });
    };
    match format {
        Some(f) if f == format!("\"{FORMAT}\"") => {}
        Some(other) => {
            return Err(ImportError::NotADeclaration {
                reason: format!("format 字段为 {other}，应为 \"{FORMAT}\""),
            })
        }
        None => {
            return Err(ImportError::NotADeclaration {
                reason: format!(
                    "缺少 format 字段（本工具导出的文件含有 \"format\": \"{FORMAT}\"）"
                ),
            })
        }
    }
    match version {
        Some(v) if v.parse::<u64>() == Ok(SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(ImportError::Version {
                found: other.to_string(),
            })
        }
        None => {
            return Err(ImportError::NotADeclaration {
                reason: "缺少 schema_version 字段".into(),
            })
        }
    }
    let mut declaration = declaration(&mut Reader::new(text)).map_err(import_error)?;
    declaration.ensure_ids();
    Ok(declaration)
}

/// Reads a checker profile given on its own as JSON text (the checker for other pages takes one).
///
/// # Errors
/// The text is not JSON, or a member is unknown or of the wrong kind.
pub fn profile_from_str(text: &str) -> Result<Profile, ImportError> {
    let mut r = Reader::new(text);
    r.skip().and_then(|_| r.end()).map_err(import_error)?;
    profile(&mut Reader::new(text)).map_err(import_error)
}

/// Checks the syntax of the whole text; `None` when it is not an object, else the text of its
/// `format` and `schema_version` members.
fn header(text: &str) -> Read<Option<(Option<&str>, Option<&str>)>> {
    let mut r = Reader::new(text);
    if r.kind()? != Kind::Object {
        return Ok(None);
    }
    let (mut format, mut version) = (None, None);
    r.members(&mut |r, key| {
        let value = r.skip()?;
        match key {
            "format" => format = Some(value),
            "schema_version" => version = Some(value),
            _ => {}
        }
        Ok(())
    })?;
    r.end()?;
    Ok(Some((format, version)))
}

/// The reader's failure as an import error (takes the box, as `map_err` gives it).
#[allow(clippy::boxed_local)]
fn import_error(failure: Box<Failure>) -> ImportError {
    match *failure {
        Failure::Syntax {
            line,
            column,
            problem,
        } => ImportError::Syntax {
            line,
            column,
            problem: problem.to_string(),
        },
        Failure::Field { path, problem } => ImportError::Field {
            place: place_in_words(&path),
            path,
            problem,
        },
    }
}

fn declaration(r: &mut Reader) -> Read<Declaration> {
    let mut d = Declaration::default();
    r.object(&["year", "unit_name", "overall"], &mut |r, key| {
        match key {
            // The header, checked before.
            "format" | "schema_version" => drop(r.skip()?),
            "year" => d.year = r.string()?,
            "unit_name" => d.unit_name = r.string()?,
            "profile" => d.profile = profile(r)?,
            "overall" => d.overall = overall(r)?,
            "projects" => r.list(&mut |r| {
                d.projects.push(Rc::new(project(r)?));
                Ok(())
            })?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(d)
}

fn profile(r: &mut Reader) -> Read<Profile> {
    let mut p = Profile::default();
    r.object(&[], &mut |r, key| {
        match key {
            "framework" => p.framework = r.choice(&Framework::ALL, Framework::key)?,
            "project_set_complete" => p.project_set_complete = r.boolean()?,
            "satisfaction_min_percent" => p.satisfaction_min_percent = r.uint()?,
            "satisfaction_warn_at_100" => p.satisfaction_warn_at_100 = r.boolean()?,
            "target_text_cap" => p.target_text_cap = r.uint()?,
            "indicator_cell_cap" => p.indicator_cell_cap = r.uint()?,
            "cost_explained_min_percent" => p.cost_explained_min_percent = r.uint()?,
            "min_indicators_per_form" => p.min_indicators_per_form = r.uint()?,
            "weight_split" => {
                let mut split = Vec::new();
                r.list(&mut |r| {
                    split.push(r.uint()?);
                    Ok(())
                })?;
                p.weight_split = split.try_into().map_err(|_| {
                    r.problem(
                        "应为 4 个非负整数组成的数组（产出、效益、满意度、预算执行率）".into(),
                    )
                })?;
            }
            "show_warnings" => p.show_warnings = r.boolean()?,
            "show_info" => p.show_info = r.boolean()?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(p)
}

fn overall(r: &mut Reader) -> Read<OverallForm> {
    let mut f = OverallForm::default();
    let required = [
        "year",
        "unit_name",
        "total",
        "personnel",
        "operating",
        "project_funds",
        "tasks",
    ];
    r.object(&required, &mut |r, key| {
        match key {
            "year" => f.year = r.string()?,
            "unit_name" => f.unit_name = r.string()?,
            "department" => f.department = r.string()?,
            "total" => f.total = amount(r)?,
            "personnel" => f.personnel = amount(r)?,
            "operating" => f.operating = amount(r)?,
            "project_funds" => f.project_funds = amount(r)?,
            "tasks" => f.tasks = r.string()?,
            "indicators" => f.indicators = rows(r)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(f)
}

fn project(r: &mut Reader) -> Read<ProjectForm> {
    let mut p = ProjectForm::default();
    let required = [
        "year",
        "name",
        "unit_name",
        "total",
        "appropriation",
        "other_funds",
        "annual_target",
    ];
    r.object(&required, &mut |r, key| {
        match key {
            "id" => p.id = Id(r.uint()?),
            "year" => p.year = r.string()?,
            "name" => p.name = r.string()?,
            "unit_name" => p.unit_name = r.string()?,
            "total" => p.total = amount(r)?,
            "appropriation" => p.appropriation = amount(r)?,
            "other_funds" => p.other_funds = amount(r)?,
            "annual_target" => p.annual_target = r.string()?,
            "indicators" => p.indicators = rows(r)?,
            "department" => p.department = r.string()?,
            "implementing_unit" => p.implementing_unit = r.string()?,
            "manager" => p.manager = r.string()?,
            "attribute" => {
                p.attribute = r.choice(&ProjectAttribute::ALL, ProjectAttribute::label)?
            }
            "period" => p.period = r.string()?,
            "carryover" => p.carryover = amount(r)?,
            "long_term_target" => p.long_term_target = r.string()?,
            "long_term_indicators" => p.long_term_indicators = rows(r)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(p)
}

fn rows(r: &mut Reader) -> Read<Vec<IndicatorRow>> {
    let mut rows = Vec::new();
    r.list(&mut |r| {
        rows.push(row(r)?);
        Ok(())
    })?;
    Ok(rows)
}

fn row(r: &mut Reader) -> Read<IndicatorRow> {
    let mut row = IndicatorRow::default();
    r.object(&["level1", "level2"], &mut |r, key| {
        match key {
            "id" => row.id = Id(r.uint()?),
            "level1" => row.level1 = r.string()?,
            "level2" => row.level2 = r.string()?,
            "level3" => row.level3 = r.string()?,
            "value" => row.value = r.string()?,
            "sign" => row.sign = r.choice(&Sign::ALL, Sign::label)?,
            "number" => row.number = Cell::from_input(&r.string()?),
            "unit" => row.unit = r.string()?,
            "weight" => row.weight = Cell::from_input(&r.string()?),
            "score" => row.score = Cell::from_input(&r.string()?),
            "direction" => row.direction = r.choice(&Direction::ALL, Direction::label)?,
            "explanation" => row.explanation = r.string()?,
            "scoring" => row.scoring = r.string()?,
            "standard" => row.standard = r.choice(&Standard::ALL, Standard::label)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(row)
}

/// A money cell: a string, kept as typed when it is not an amount.
fn amount(r: &mut Reader) -> Read<Amount> {
    Ok(Cell::from_input(&r.string()?))
}

fn looks_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let (mut pairs, mut bad) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b)
            && i + 1 < bytes.len()
            && (0x40..=0xFE).contains(&bytes[i + 1])
        {
            pairs += 1;
            i += 2;
        } else {
            bad += 1;
            i += 1;
        }
    }
    pairs > 0 && bad == 0
}

/// "projects[2].indicators[0].value" → "项目表 3 › 指标第 1 行 › 指标值".
fn place_in_words(path: &str) -> String {
    let mut words = Vec::new();
    for seg in path.split('.') {
        let (name, index) = match seg.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (seg, None),
        };
        let word = match name {
            "overall" => "整体支出表".to_string(),
            "projects" => format!("项目表 {}", index.map_or(0, |i| i + 1)),
            "indicators" => format!("指标第 {} 行", index.map_or(0, |i| i + 1)),
            "long_term_indicators" => format!("中长期指标第 {} 行", index.map_or(0, |i| i + 1)),
            "profile" => "检查设置".into(),
            "year" => "年度".into(),
            "unit_name" => "单位名称".into(),
            "name" => "项目名称".into(),
            "total" => "年度资金总额".into(),
            "personnel" => "人员经费".into(),
            "operating" => "公用经费".into(),
            "project_funds" => "项目经费".into(),
            "appropriation" => "财政拨款".into(),
            "other_funds" => "其他资金".into(),
            "carryover" => "上年结转资金".into(),
            "tasks" => "年度主要任务".into(),
            "annual_target" => "年度目标".into(),
            "level1" => "一级指标".into(),
            "level2" => "二级指标".into(),
            "level3" => "三级指标".into(),
            "value" => "指标值".into(),
            "sign" => "符号".into(),
            "weight" => "权重".into(),
            _ => continue,
        };
        words.push(word);
    }
    super::joined(&words, " › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;

    #[test]
    fn the_example_round_trips_exactly() {
        let d = example::declaration();
        let text = to_json(&d);
        let back = from_str(&text).unwrap();
        assert_eq!(back, d);
        assert_eq!(to_json(&back), text);
        assert!(text.contains("\"total\": \"921.83\""));
        assert!(text.contains("\"project_funds\": \"105.00\""));
    }

    #[test]
    fn file_names_come_from_unit_and_year() {
        let d = example::declaration();
        assert_eq!(
            file_name(&d),
            "绩效目标申报表-攀枝花市仁和区人大常委会办公室-2022.json"
        );
        let mut d = d;
        d.unit_name = "a/b:c".into();
        d.year = " ".into();
        assert_eq!(file_name(&d), "绩效目标申报表-abc.json");
        d.unit_name.clear();
        assert_eq!(file_name(&d), "绩效目标申报表.json");
    }

    #[test]
    fn a_bom_is_accepted() {
        let text = format!("\u{feff}{}", to_json(&example::declaration()));
        assert!(from_bytes(text.as_bytes()).is_ok());
    }

    #[test]
    fn not_utf8_says_the_line_and_suspects_gbk() {
        // "{\n" then 申报 in GBK.
        let bytes = b"{\n\"a\": \"\xc9\xea\xb1\xa8\"}";
        let e = from_bytes(bytes).unwrap_err();
        assert_eq!(
            e,
            ImportError::NotUtf8 {
                line: 2,
                looks_gbk: true
            }
        );
        assert!(e.to_string().contains("GBK"));
    }

    #[test]
    fn broken_json_says_line_and_column() {
        let e =
            from_str("{\n  \"format\": \"jixiao-declaration\",\n  \"year\" 2022\n}").unwrap_err();
        match &e {
            ImportError::Syntax {
                line,
                column,
                problem,
            } => {
                assert_eq!((*line, *column), (3, 10));
                assert!(problem.contains("冒号"), "{problem}");
            }
            other => panic!("{other:?}"),
        }
        assert!(e.to_string().contains("第 3 行第 10 列"));
        let e = from_str("{\"format\": ").unwrap_err();
        assert!(e.to_string().contains("意外结束"), "{e}");
    }

    #[test]
    fn other_json_is_not_a_declaration() {
        for text in ["[1,2]", "{\"a\":1}", "{\"format\":\"other\"}", "", "  "] {
            let e = from_str(text).unwrap_err();
            assert!(
                matches!(e, ImportError::NotADeclaration { .. }),
                "{text}: {e:?}"
            );
        }
    }

    #[test]
    fn another_schema_version_is_refused() {
        let text = to_json(&example::declaration())
            .replace("\"schema_version\": 1", "\"schema_version\": 2");
        let e = from_str(&text).unwrap_err();
        assert_eq!(e, ImportError::Version { found: "2".into() });
        assert!(e.to_string().contains("版本为 2"));
    }

    #[test]
    fn a_wrong_field_names_its_path() {
        let text = to_json(&example::declaration()).replacen(
            "\"total\": \"20.00\"",
            "\"total\": 20.00",
            1,
        );
        let e = from_str(&text).unwrap_err();
        match &e {
            ImportError::Field {
                path,
                place,
                problem,
            } => {
                assert_eq!(path, "projects[0].total");
                assert_eq!(place, "项目表 1 › 年度资金总额");
                assert!(problem.contains("应为字符串"), "{problem}");
            }
            other => panic!("{other:?}"),
        }
        let text = to_json(&example::declaration()).replacen("\"level3\"", "\"levle3\"", 1);
        let e = from_str(&text).unwrap_err();
        assert!(e.to_string().contains("未知字段 levle3"), "{e}");
        let text = to_json(&example::declaration()).replacen(
            "\"unit_name\": \"攀枝花市仁和区人大常委会办公室\",",
            "",
            1,
        );
        assert!(from_str(&text)
            .unwrap_err()
            .to_string()
            .contains("缺少字段 unit_name"));
    }

    #[test]
    fn a_bad_variant_lists_the_allowed_values() {
        let mut d = example::declaration();
        d.project_at_mut(0).indicators[0].sign = Some(crate::model::Sign::AtLeast);
        let text = to_json(&d).replacen("\"sign\": \"≥\"", "\"sign\": \">\"", 1);
        let e = from_str(&text).unwrap_err();
        assert!(
            e.to_string().contains("取值“>”无效，可选：≥、≤、=、定性"),
            "{e}"
        );
    }

    #[test]
    fn a_sign_as_keyboards_type_it_reads_as_the_sign() {
        use crate::model::Sign;
        let mut d = example::declaration();
        d.project_at_mut(0).indicators[0].sign = Some(Sign::AtLeast);
        d.project_at_mut(0).indicators[1].sign = Some(Sign::AtMost);
        d.project_at_mut(0).indicators[2].sign = Some(Sign::Equal);
        for (at_least, at_most, equal) in
            [(">=", "<=", "=="), ("≧", "≦", "＝"), (" >= ", "＜＝", "=")]
        {
            let text = to_json(&d)
                .replacen("\"sign\": \"≥\"", &format!("\"sign\": \"{at_least}\""), 1)
                .replacen("\"sign\": \"≤\"", &format!("\"sign\": \"{at_most}\""), 1)
                .replacen("\"sign\": \"=\"", &format!("\"sign\": \"{equal}\""), 1);
            let read = from_str(&text).unwrap();
            let signs: Vec<_> = read.projects[0].indicators[..3]
                .iter()
                .map(|r| r.sign)
                .collect();
            assert_eq!(
                signs,
                [Some(Sign::AtLeast), Some(Sign::AtMost), Some(Sign::Equal)],
                "{at_least}"
            );
        }
    }

    #[test]
    fn a_choice_reads_with_or_without_the_word_templates_add() {
        use crate::model::{Direction, Sign, Standard};
        let mut d = example::declaration();
        let r = &mut d.project_at_mut(0).indicators[0];
        (r.sign, r.direction, r.standard) = (
            Some(Sign::Qualitative),
            Some(Direction::Positive),
            Some(Standard::Other),
        );
        let text = to_json(&d)
            .replacen("\"sign\": \"定性\"", "\"sign\": \"定性指标\"", 1)
            .replacen("\"direction\": \"正向\"", "\"direction\": \"正向指标\"", 1)
            .replacen("\"standard\": \"其他标准\"", "\"standard\": \"其他\"", 1);
        assert!(
            text.contains("\"其他\"") && text.contains("正向指标") && text.contains("定性指标")
        );
        let read = from_str(&text).unwrap();
        assert_eq!(read.projects[0].indicators[0], d.projects[0].indicators[0]);
        // Another word is no choice.
        let e = from_str(&text.replacen("\"其他\"", "\"其他指\"", 1)).unwrap_err();
        assert!(e.to_string().contains("取值“其他指”无效"), "{e}");
    }

    #[test]
    fn amounts_keep_their_text_and_empty_choices_may_be_null() {
        let text = to_json(&example::declaration())
            .replacen("\"total\": \"20.00\"", "\"total\": \"约20万\"", 1)
            .replacen("\"level3\"", "\"sign\": null, \"level3\"", 1);
        let d = from_str(&text).unwrap();
        assert_eq!(
            d.projects[0].total,
            crate::model::Cell::Text("约20万".into())
        );
        assert_eq!(d.overall.total.to_text(), "921.83");
    }

    #[test]
    fn a_profile_reads_on_its_own_with_defaults_for_what_it_leaves_out() {
        let p = profile_from_str(r#"{"show_info": false, "framework": "cost-2021"}"#).unwrap();
        assert!(!p.show_info);
        assert_eq!(p.framework, Some(Framework::Cost2021));
        assert_eq!(p.weight_split, Profile::default().weight_split);
        let e = profile_from_str(r#"{"weight_split": [50, 30, 20]}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("字段 weight_split：应为 4 个非负整数"),
            "{e}"
        );
        let e = profile_from_str("{\"show_info\": no}").unwrap_err();
        assert!(
            matches!(
                e,
                ImportError::Syntax {
                    line: 1,
                    column: 15,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn any_text_survives_writing_and_reading() {
        let mut d = example::declaration();
        let odd = "引号\"、反斜杠\\、换行\n、制表\t、\u{1}、</script>、😀";
        d.unit_name = odd.into();
        d.project_at_mut(0).indicators[0].value = odd.into();
        let text = to_json(&d);
        assert_eq!(from_str(&text).unwrap(), d);
        // Another reader agrees.
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["unit_name"], odd);
    }
}
