//! The declaration file format: versioned JSON out, and JSON in with clear Chinese errors.
//!
//! A file is an object with `"format": "jixiao-declaration"`, `"schema_version": 1` and the
//! declaration's fields; `schema/declaration.schema.json` documents it. Money is a string.

use super::Declaration;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::value::RawValue;
use std::fmt;

/// The value of the `format` field that marks a declaration file.
pub const FORMAT: &str = "jixiao-declaration";
/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u64 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    schema_version: u64,
    #[serde(flatten)]
    declaration: &'a Declaration,
}

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

/// Writes a declaration as the versioned, pretty-printed JSON file.
pub fn to_json(declaration: &Declaration) -> String {
    let file = FileOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        declaration,
    };
    // Serializing plain data with string keys cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
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
        format!("绩效目标申报表-{}.json", parts.join("-"))
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
    // First the syntax and the two header fields, reading past everything else.
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.classify() == Category::Data {
            ImportError::NotADeclaration {
                reason: "文件内容不是一个 JSON 对象（{…}）".into(),
            }
        } else {
            ImportError::Syntax {
                line: e.line(),
                column: e.column(),
                problem: syntax_problem(&e),
            }
        }
    })?;
    match header.format.map(RawValue::get) {
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
    match header.schema_version.map(RawValue::get) {
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
    // Then the declaration, straight from the text; a field of the wrong shape is named by where
    // the reader stopped.
    // (Trailing text was refused by the first reading.)
    let mut reader = serde_json::Deserializer::from_str(text);
    let mut declaration = Declaration::deserialize(Body(&mut reader)).map_err(|e| {
        let frames = frames_at(text, offset_of(text, e.line(), e.column()));
        let path = render_path(&frames);
        ImportError::Field {
            place: place_in_words(&path),
            problem: field_problem(&message_of(&e)),
            path,
        }
    })?;
    declaration.ensure_ids();
    Ok(declaration)
}

/// The two header fields of a declaration file, as written (any JSON value).
#[derive(Deserialize)]
struct Header<'a> {
    #[serde(borrow, default)]
    format: Option<&'a RawValue>,
    #[serde(borrow, default)]
    schema_version: Option<&'a RawValue>,
}

/// The file's top-level object without its `format` and `schema_version` members (checked
/// before), as the declaration's own fields.
struct Body<'a, 'de>(&'a mut serde_json::Deserializer<serde_json::de::StrRead<'de>>);

impl<'de> Deserializer<'de> for Body<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(WithoutHeader(visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

/// Passes the declaration's visitor a map that skips the header members.
struct WithoutHeader<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for WithoutHeader<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(HeaderSkipped(map))
    }
}

/// The members of the file's top-level object, less `format` and `schema_version`.
struct HeaderSkipped<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for HeaderSkipped<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.0.next_key::<String>()? {
            if key == "format" || key == "schema_version" {
                self.0.next_value::<IgnoredAny>()?;
                continue;
            }
            return seed.deserialize(key.into_deserializer()).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.0.next_value_seed(seed)
    }
}

/// The byte offset of a reader position (1-based line, column = bytes into the line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (start + column).min(text.len())
}

/// Where the reader is inside the JSON structure, outermost first.
#[derive(Debug, PartialEq)]
enum Frame<'a> {
    /// In an object, at the member with this key (none between members).
    Object(Option<&'a str>),
    /// In an array, at this element.
    Array(usize),
}

/// The containers open at `offset` in syntactically valid JSON text.
fn frames_at(text: &str, offset: usize) -> Vec<Frame<'_>> {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut frames = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                frames.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                frames.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                frames.pop();
                expecting_key = false;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < end && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = frames.last_mut() {
                        *key = text.get(start..i.min(end));
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    frames
}

/// "projects[2].indicators[0].value". (A missing field is reported after its object's closing
/// brace, so the path is the object's.)
fn render_path(frames: &[Frame<'_>]) -> String {
    let mut path = String::new();
    for frame in frames {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
            Frame::Object(None) => {}
        }
    }
    path
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

/// The reader's message without its " at line … column …" (the place is reported separately).
fn message_of(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.find(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

fn syntax_problem(e: &serde_json::Error) -> String {
    if e.classify() == Category::Eof {
        return "文件意外结束（内容不完整，可能缺少 } 或 ]）".into();
    }
    let msg = message_of(e);
    let known = [
        ("expected value", "此处应为一个值"),
        ("trailing comma", "多余的逗号"),
        ("key must be a string", "键必须是带英文双引号的字符串"),
        ("expected `:`", "缺少冒号 :"),
        ("expected `,` or `}`", "缺少逗号 , 或右花括号 }"),
        ("expected `,` or `]`", "缺少逗号 , 或右方括号 ]"),
        ("trailing characters", "JSON 结束后还有多余的内容"),
        (
            "control character",
            "字符串中含有控制字符（如未转义的换行）",
        ),
        ("invalid escape", "无效的转义字符"),
        ("invalid number", "无效的数字"),
        (
            "expected ident",
            "无法识别的词（true、false、null 须为小写英文）",
        ),
        ("invalid unicode code point", "无效的 Unicode 字符"),
        ("lone leading surrogate", "无效的 Unicode 字符"),
        ("recursion limit exceeded", "嵌套层次过深"),
    ];
    known
        .iter()
        .find(|(en, _)| msg.starts_with(en))
        .map_or_else(|| format!("语法错误（{msg}）"), |(_, zh)| (*zh).to_string())
}

fn field_problem(msg: &str) -> String {
    let ticked = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let ty = |s: &str| -> String {
        let s = s.trim();
        let s = s.split(" `").next().unwrap_or(s);
        match s {
            "a string" | "string" => "字符串".into(),
            "integer" | "u32" | "u64" | "an integer" => "整数".into(),
            "floating point" => "小数".into(),
            "boolean" | "a boolean" => "true/false".into(),
            "null" => "null".into(),
            "sequence" | "a sequence" => "数组 […]".into(),
            "map" | "a map" => "对象 {…}".into(),
            s if s.starts_with("struct ") => "对象 {…}".into(),
            s if s.starts_with("u32") || s.starts_with("u64") => "非负整数".into(),
            other => other.to_string(),
        }
    };
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("缺少字段 {}", rest.trim_matches('`'));
    }
    if msg.starts_with("unknown field ") {
        let names = ticked(msg);
        return format!(
            "未知字段 {}（可能拼写有误）",
            names.first().cloned().unwrap_or_default()
        );
    }
    if msg == "expected value" {
        // What the reader says when a choice (sign, framework, …) is not a string.
        return "类型不对：应为带英文双引号的可选值（字符串）".into();
    }
    if msg.starts_with("unknown variant ") {
        let names = ticked(msg);
        let (bad, allowed) = names
            .split_first()
            .map_or((String::new(), vec![]), |(b, a)| (b.clone(), a.to_vec()));
        return format!("取值“{bad}”无效，可选：{}", allowed.join("、"));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let mut hint = String::new();
            if expected.contains("string")
                && (found.starts_with("integer") || found.starts_with("floating"))
            {
                hint = "（金额和数字须写成带引号的字符串，如 \"105.00\"）".into();
            }
            return format!("类型不对：应为{}，实际为{}{hint}", ty(expected), ty(found));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        return format!("取值无效（{rest}）");
    }
    format!("内容不符合格式（{msg}）")
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
    words.join(" › ")
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
        let text = to_json(&d).replacen("\"sign\": \"≥\"", "\"sign\": \">=\"", 1);
        let e = from_str(&text).unwrap_err();
        assert!(
            e.to_string().contains("取值“>=”无效，可选：≥、≤、=、定性"),
            "{e}"
        );
    }

    #[test]
    fn the_place_in_the_text_ignores_brackets_inside_strings() {
        let text = r#"{"a": "x\"],{[", "b": [1, {"c": "}\\", "d": 5"#;
        let frames = frames_at(text, text.len());
        assert_eq!(
            frames,
            vec![
                Frame::Object(Some("b")),
                Frame::Array(1),
                Frame::Object(Some("d"))
            ]
        );
        assert_eq!(render_path(&frames), "b[1].d");
        assert_eq!(render_path(&frames_at(text, 10)), "a");
        assert_eq!(offset_of("ab\ncd\nef", 3, 1), 7);
        assert_eq!(offset_of("ab", 9, 9), 2);
    }
}
