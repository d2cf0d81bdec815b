//! A small JSON reader for declaration files: one pass over the text that always knows where it is
//! (line and column for a syntax error, the path `projects[2].indicators[0].value` for a value of
//! the wrong kind) and says what is wrong in Chinese.
//!
//! Callers read objects and arrays through callbacks (`&mut dyn FnMut`), so reading a type costs
//! one small function and no generic code per field.

use std::borrow::Cow;

/// Why reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Failure {
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong.
        problem: &'static str,
    },
    /// JSON, but a value is not what a declaration holds there.
    Field {
        /// Where: "projects[2].total" ("" for the file's top level).
        path: String,
        /// What is wrong.
        problem: String,
    },
}

/// A result of reading.
pub(super) type Read<T> = Result<T, Box<Failure>>;

/// The kind of a JSON value, known from its first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    /// The kind in a message.
    fn words(self) -> &'static str {
        match self {
            Kind::Object => "对象 {…}",
            Kind::Array => "数组 […]",
            Kind::String => "字符串",
            Kind::Number => "数字",
            Kind::Bool => "true/false",
            Kind::Null => "null",
        }
    }
}

/// One step of the path to a value.
enum Step<'t> {
    Key(Cow<'t, str>),
    Index(usize),
}

/// Deeper nesting than this is refused (no declaration nests more than five levels).
const MAX_DEPTH: usize = 128;

const UNEXPECTED_END: &str = "文件意外结束（内容不完整，可能缺少 } 或 ]）";
const EXPECTED_VALUE: &str = "此处应为一个值";
const UNKNOWN_WORD: &str = "无法识别的词（true、false、null 须为小写英文）";

/// A position in the text and the path that leads there.
pub(super) struct Reader<'t> {
    text: &'t str,
    at: usize,
    path: Vec<Step<'t>>,
}

impl<'t> Reader<'t> {
    /// A reader at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Reader {
            text,
            at: 0,
            path: Vec::new(),
        }
    }

    /// The next character that is not white space, without taking it (`None` at the end).
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// A syntax failure at the current position.
    fn syntax(&self, problem: &'static str) -> Box<Failure> {
        let before = &self.text[..self.at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Box::new(Failure::Syntax {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            problem,
        })
    }

    /// A failure of the value at the current path.
    pub fn problem(&self, problem: String) -> Box<Failure> {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        Box::new(Failure::Field { path, problem })
    }

    /// Takes `byte` (after white space), or fails with `problem`.
    fn take(&mut self, byte: u8, problem: &'static str) -> Read<()> {
        match self.peek() {
            Some(b) if b == byte => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.syntax(problem)),
            None => Err(self.syntax(UNEXPECTED_END)),
        }
    }

    /// The kind of the next value.
    pub fn kind(&mut self) -> Read<Kind> {
        Ok(match self.peek() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b'-' | b'0'..=b'9') => Kind::Number,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            Some(b'A'..=b'Z' | b'a'..=b'z') => return Err(self.syntax(UNKNOWN_WORD)),
            Some(_) => return Err(self.syntax(EXPECTED_VALUE)),
            None => return Err(self.syntax(UNEXPECTED_END)),
        })
    }

    /// Fails unless the text has ended (after white space).
    pub fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("JSON 结束后还有多余的内容")),
        }
    }

    /// Reads past the next value, checking its syntax; returns its text.
    pub fn skip(&mut self) -> Read<&'t str> {
        let start = match self.peek() {
            Some(_) => self.at,
            None => return Err(self.syntax(UNEXPECTED_END)),
        };
        match self.kind()? {
            Kind::Object => self.members(&mut |r, _| r.skip().map(drop))?,
            Kind::Array => self.items(&mut |r| r.skip().map(drop))?,
            Kind::String => drop(self.string_text()?),
            Kind::Number => drop(self.number_text()?),
            Kind::Bool | Kind::Null => self.word()?,
        }
        Ok(&self.text[start..self.at])
    }

    /// Goes one level deeper, refusing absurd nesting (it would exhaust the stack).
    fn descend(&mut self, step: Step<'t>) -> Read<()> {
        if self.path.len() >= MAX_DEPTH {
            return Err(self.syntax("嵌套层次过深"));
        }
        self.path.push(step);
        Ok(())
    }

    /// Reads an object, calling `member` with each key; `member` reads the value.
    pub fn members(&mut self, member: &mut dyn FnMut(&mut Self, &str) -> Read<()>) -> Read<()> {
        self.take(b'{', EXPECTED_VALUE)?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.syntax("多余的逗号")),
                Some(_) => return Err(self.syntax("键必须是带英文双引号的字符串")),
                None => return Err(self.syntax(UNEXPECTED_END)),
            }
            let key = self.string_text()?;
            self.take(b':', "缺少冒号 :")?;
            self.descend(Step::Key(key.clone()))?;
            member(self, &key)?;
            self.path.pop();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(_) => return Err(self.syntax("缺少逗号 , 或右花括号 }")),
                None => return Err(self.syntax(UNEXPECTED_END)),
            }
        }
    }

    /// Reads an array, calling `item` for each element; `item` reads it.
    pub fn items(&mut self, item: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        self.take(b'[', EXPECTED_VALUE)?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        let mut index = 0;
        loop {
            if self.peek() == Some(b']') {
                return Err(self.syntax("多余的逗号"));
            }
            self.descend(Step::Index(index))?;
            item(self)?;
            self.path.pop();
            index += 1;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(_) => return Err(self.syntax("缺少逗号 , 或右方括号 ]")),
                None => return Err(self.syntax(UNEXPECTED_END)),
            }
        }
    }

    /// Reads `true`, `false` or `null`.
    fn word(&mut self) -> Read<()> {
        let rest = &self.text[self.at..];
        match ["true", "false", "null"]
            .iter()
            .find(|w| rest.starts_with(**w))
        {
            Some(w) => {
                self.at += w.len();
                Ok(())
            }
            None if rest.len() < 5
                && ["true", "false", "null"]
                    .iter()
                    .any(|w| w.starts_with(rest)) =>
            {
                self.at = self.text.len();
                Err(self.syntax(UNEXPECTED_END))
            }
            None => Err(self.syntax(UNKNOWN_WORD)),
        }
    }

    /// Reads a number's text (JSON's grammar: `-`, digits without a leading zero, fraction, exponent).
    fn number_text(&mut self) -> Read<&'t str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let whole = at;
        let ok = match digits(&mut at) {
            0 => false,
            // No leading zero: the second digit is where it goes wrong.
            n if n > 1 && bytes[whole] == b'0' => {
                at = whole + 1;
                false
            }
            _ => true,
        };
        let ok =
            ok && (bytes.get(at) != Some(&b'.') || {
                at += 1;
                digits(&mut at) > 0
            }) && (!matches!(bytes.get(at), Some(b'e' | b'E')) || {
                at += 1;
                if matches!(bytes.get(at), Some(b'+' | b'-')) {
                    at += 1;
                }
                digits(&mut at) > 0
            });
        self.at = at;
        if !ok {
            return Err(match bytes.get(at) {
                None => self.syntax(UNEXPECTED_END),
                Some(_) => self.syntax("无效的数字"),
            });
        }
        Ok(&self.text[start..at])
    }

    /// Reads a string (the next character is `"`), decoding escapes.
    fn string_text(&mut self) -> Read<Cow<'t, str>> {
        self.at += 1;
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let Some(&b) = bytes.get(self.at) else {
                return Err(self.syntax(UNEXPECTED_END));
            };
            match b {
                b'"' => {
                    let text = &self.text[run..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(text),
                        Some(mut s) => {
                            s.push_str(text);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    let c = self.escape()?;
                    owned.get_or_insert_with(String::new).push(c);
                    run = self.at;
                }
                0..=0x1f => return Err(self.syntax("字符串中含有控制字符（如未转义的换行）")),
                _ => self.at += 1,
            }
        }
    }

    /// Reads what follows a backslash.
    fn escape(&mut self) -> Read<char> {
        let Some(&b) = self.text.as_bytes().get(self.at) else {
            return Err(self.syntax(UNEXPECTED_END));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A surrogate pair: the second half must follow as \uDC00–\uDFFF.
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.syntax("无效的 Unicode 字符"));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.syntax("无效的 Unicode 字符"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                return char::from_u32(code).ok_or_else(|| self.syntax("无效的 Unicode 字符"));
            }
            _ => {
                self.at -= 1;
                return Err(self.syntax("无效的转义字符"));
            }
        })
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Read<u32> {
        let digits = self.text.get(self.at..self.at + 4);
        match digits.and_then(|d| {
            u32::from_str_radix(d, 16)
                .ok()
                .filter(|_| !d.starts_with('+'))
        }) {
            Some(v) => {
                self.at += 4;
                Ok(v)
            }
            None if self.text.len() < self.at + 4 => Err(self.syntax(UNEXPECTED_END)),
            None => Err(self.syntax("无效的转义字符")),
        }
    }

    /// A value of the wrong kind: "类型不对：应为…，实际为…".
    fn wrong_kind(&self, expected: &str, found: Kind) -> Box<Failure> {
        self.problem(format!("类型不对：应为{expected}，实际为{}", found.words()))
    }

    /// Fails unless the next value is of kind `want`. A number where a string belongs is the
    /// usual slip (an amount typed without quotes), so that message says how to write it.
    fn expect(&mut self, want: Kind) -> Read<()> {
        match self.kind()? {
            found if found == want => Ok(()),
            Kind::Number if want == Kind::String => Err(self.problem(format!(
                "类型不对：应为{}，实际为{}（金额和数字须写成带引号的字符串，如 \"105.00\"）",
                want.words(),
                Kind::Number.words()
            ))),
            found => Err(self.wrong_kind(want.words(), found)),
        }
    }

    /// Reads a string value.
    pub fn string(&mut self) -> Read<String> {
        self.expect(Kind::String)?;
        Ok(self.string_text()?.into_owned())
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Read<bool> {
        self.expect(Kind::Bool)?;
        let value = self.text[self.at..].starts_with('t');
        self.word()?;
        Ok(value)
    }

    /// Reads a whole number from 0 to 4294967295.
    pub fn uint(&mut self) -> Read<u32> {
        match self.kind()? {
            Kind::Number => {}
            found => return Err(self.wrong_kind("非负整数", found)),
        }
        let text = self.number_text()?;
        text.parse()
            .map_err(|_| self.problem(format!("取值无效：{text} 不是 0 到 4294967295 之间的整数")))
    }

    /// Reads one of `choices` by its name, or `null` for none.
    pub fn choice<T: Copy>(
        &mut self,
        choices: &[T],
        name: fn(T) -> &'static str,
    ) -> Read<Option<T>> {
        match self.kind()? {
            Kind::Null => {
                self.word()?;
                return Ok(None);
            }
            Kind::String => {}
            found => return Err(self.wrong_kind("带英文双引号的可选值（字符串）", found)),
        }
        let text = self.string_text()?;
        match choices
            .iter()
            .find(|c| crate::model::names_choice(name(**c), &text))
        {
            Some(c) => Ok(Some(*c)),
            None => {
                let names: Vec<&str> = choices.iter().map(|c| name(*c)).collect();
                Err(self.problem(format!(
                    "取值“{text}”无效，可选：{}",
                    crate::model::joined(&names, "、")
                )))
            }
        }
    }

    /// Reads an array, calling `item` for each element.
    pub fn list(&mut self, item: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        self.expect(Kind::Array)?;
        self.items(item)
    }

    /// Reads an object whose members `member` knows (it returns `false` for a key it does not
    /// know); a key twice, an unknown key and a missing `required` key are refused.
    pub fn object(
        &mut self,
        required: &[&str],
        member: &mut dyn FnMut(&mut Self, &str) -> Read<bool>,
    ) -> Read<()> {
        self.expect(Kind::Object)?;
        let mut seen: Vec<String> = Vec::new();
        self.members(&mut |r, key| {
            if seen.iter().any(|k| k == key) {
                return Err(r.problem("同一字段出现了两次，只能写一次".into()));
            }
            if !member(r, key)? {
                return Err(r.problem(format!("未知字段 {key}（可能拼写有误）")));
            }
            seen.push(key.to_owned());
            Ok(())
        })?;
        match required
            .iter()
            .find(|name| !seen.iter().any(|k| k == *name))
        {
            Some(name) => Err(self.problem(format!("缺少字段 {name}"))),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads any JSON value through the reader, failing on the member `fail`.
    fn read_all(text: &str, fail: &str) -> Read<()> {
        fn value(r: &mut Reader, fail: &str) -> Read<()> {
            match r.kind()? {
                Kind::Object => r.members(&mut |r, key| {
                    if key == fail {
                        return Err(r.problem("here".into()));
                    }
                    value(r, fail)
                }),
                Kind::Array => r.items(&mut |r| value(r, fail)),
                _ => r.skip().map(drop),
            }
        }
        let mut r = Reader::new(text);
        value(&mut r, fail)?;
        r.end()
    }

    fn syntax(text: &str) -> (usize, usize, &'static str) {
        match read_all(text, "").map_err(|e| *e) {
            Err(Failure::Syntax {
                line,
                column,
                problem,
            }) => (line, column, problem),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_say_where_and_what() {
        let cases: [(&str, (usize, usize, &str)); 20] = [
            ("{\"a\" 1}", (1, 6, "缺少冒号 :")),
            ("{\"a\": 1 \"b\": 2}", (1, 9, "缺少逗号 , 或右花括号 }")),
            ("[1 2]", (1, 4, "缺少逗号 , 或右方括号 ]")),
            ("{\"a\": 1,}", (1, 9, "多余的逗号")),
            ("[1,]", (1, 4, "多余的逗号")),
            ("{a: 1}", (1, 2, "键必须是带英文双引号的字符串")),
            ("{\"a\": }", (1, 7, "此处应为一个值")),
            ("{\"a\": 1} x", (1, 10, "JSON 结束后还有多余的内容")),
            (
                "{\"a\": \"x\ny\"}",
                (1, 9, "字符串中含有控制字符（如未转义的换行）"),
            ),
            ("[\"\\q\"]", (1, 4, "无效的转义字符")),
            ("[\"\\u12G4\"]", (1, 5, "无效的转义字符")),
            ("[\"\\uD800x\"]", (1, 9, "无效的 Unicode 字符")),
            ("[\"\\uDC00\"]", (1, 9, "无效的 Unicode 字符")),
            ("[01]", (1, 3, "无效的数字")),
            ("[1.]", (1, 4, "无效的数字")),
            ("[1e+]", (1, 5, "无效的数字")),
            (
                "[True]",
                (1, 2, "无法识别的词（true、false、null 须为小写英文）"),
            ),
            (
                "{\"a\": [1, 2",
                (1, 12, "文件意外结束（内容不完整，可能缺少 } 或 ]）"),
            ),
            (
                "[\"abc",
                (1, 6, "文件意外结束（内容不完整，可能缺少 } 或 ]）"),
            ),
            (
                "[tru",
                (1, 5, "文件意外结束（内容不完整，可能缺少 } 或 ]）"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(syntax(text), want, "{text:?}");
        }
    }

    #[test]
    fn columns_count_characters_and_lines_count_from_one() {
        // A user counts 申报 as two characters, not six bytes.
        assert_eq!(syntax("{\n\"申报\" 1}"), (2, 6, "缺少冒号 :"));
    }

    #[test]
    fn valid_json_reads_through_including_escapes_and_numbers() {
        for text in [
            r#"{"a": [1, -0.5, 2e10, 3E-2, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"], "b": {}}"#,
            "[]",
            " \n\t{ } ",
        ] {
            assert_eq!(read_all(text, ""), Ok(()), "{text}");
        }
        let mut r = Reader::new(r#""a\u0062\n申""#);
        assert_eq!(r.string().unwrap(), "ab\n申");
    }

    #[test]
    fn the_path_ignores_brackets_inside_strings() {
        let text = r#"{"a": "x\"],{[", "b": [1, {"c": "}\\", "d": 5}]}"#;
        match read_all(text, "d").map_err(|e| *e) {
            Err(Failure::Field { path, .. }) => assert_eq!(path, "b[1].d"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn absurd_nesting_is_refused_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert_eq!(syntax(&text).2, "嵌套层次过深");
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(read_all(&ok, ""), Ok(()));
    }

    #[test]
    fn values_of_the_wrong_kind_say_what_was_expected() {
        let problem =
            |text: &str, read: fn(&mut Reader) -> Read<()>| match read(&mut Reader::new(text))
                .map_err(|e| *e)
            {
                Err(Failure::Field { problem, .. }) => problem,
                other => panic!("{text}: {other:?}"),
            };
        assert_eq!(
            problem("105", |r| r.string().map(drop)),
            "类型不对：应为字符串，实际为数字（金额和数字须写成带引号的字符串，如 \"105.00\"）"
        );
        assert_eq!(
            problem("\"5\"", |r| r.uint().map(drop)),
            "类型不对：应为非负整数，实际为字符串"
        );
        assert_eq!(
            problem("-1", |r| r.uint().map(drop)),
            "取值无效：-1 不是 0 到 4294967295 之间的整数"
        );
        assert_eq!(
            problem("1", |r| r.boolean().map(drop)),
            "类型不对：应为true/false，实际为数字"
        );
        assert_eq!(
            problem("{}", |r| r.list(&mut |_| Ok(()))),
            "类型不对：应为数组 […]，实际为对象 {…}"
        );
        let pick = |r: &mut Reader| {
            r.choice(&[1u8, 2], |n| ["", "一", "二"][n as usize])
                .map(drop)
        };
        assert_eq!(problem("\"三\"", pick), "取值“三”无效，可选：一、二");
        assert_eq!(
            problem("3", pick),
            "类型不对：应为带英文双引号的可选值（字符串），实际为数字"
        );
        assert_eq!(Reader::new("null").choice(&[1u8], |_| "一"), Ok(None));
    }

    #[test]
    fn objects_refuse_unknown_repeated_and_missing_members() {
        let read = |text: &str| {
            Reader::new(text).object(&["a"], &mut |r, key| {
                if key == "x" {
                    return Ok(false);
                }
                r.skip().map(|_| true)
            })
        };
        let field = |text: &str| match read(text).map_err(|e| *e) {
            Err(Failure::Field { path, problem }) => (path, problem),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(read(r#"{"a": 1, "b": 2}"#), Ok(()));
        assert_eq!(
            field(r#"{"a": 1, "x": 2}"#),
            ("x".into(), "未知字段 x（可能拼写有误）".into())
        );
        assert_eq!(
            field(r#"{"a": 1, "a": 2}"#),
            ("a".into(), "同一字段出现了两次，只能写一次".into())
        );
        assert_eq!(field(r#"{"b": 1}"#), ("".into(), "缺少字段 a".into()));
    }
}
