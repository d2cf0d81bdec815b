//! Writes JSON text laid out for reading: two-space indent, one member or element per line, empty
//! containers as `{}` / `[]` (the layout of serde_json's pretty printer, so files stay as they were).

/// JSON text being written.
pub(super) struct Writer {
    out: String,
    depth: usize,
    /// True right after an opening bracket (nothing written inside it yet).
    empty: bool,
}

impl Writer {
    /// An empty text.
    pub fn new() -> Self {
        Writer {
            out: String::new(),
            depth: 0,
            empty: true,
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Starts a new line for the next member or element.
    fn next_line(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Writes an object whose members `members` writes.
    pub fn object(&mut self, members: &mut dyn FnMut(&mut Self)) {
        self.nested('{', '}', members);
    }

    /// Writes an array whose elements `items` writes (each after [`Writer::item`]).
    pub fn array(&mut self, items: &mut dyn FnMut(&mut Self)) {
        self.nested('[', ']', items);
    }

    fn nested(&mut self, open: char, close: char, inside: &mut dyn FnMut(&mut Self)) {
        self.out.push(open);
        self.depth += 1;
        self.empty = true;
        inside(self);
        self.depth -= 1;
        if !self.empty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
        self.out.push(close);
        self.empty = false;
    }

    /// Starts an array element.
    pub fn item(&mut self) {
        self.next_line();
    }

    /// Starts an object member: `"key": `.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.next_line();
        self.string(key);
        self.out.push_str(": ");
        self
    }

    /// Writes a string, escaped.
    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// Writes a number, `true` or `false` as it is.
    pub fn plain(&mut self, value: impl std::fmt::Display) {
        use std::fmt::Write;
        let _ = write!(self.out, "{value}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_serde_jsons_pretty_layout() {
        let value = serde_json::json!({
            "a": "x\"\\\n\r\t\u{8}\u{c}\u{1}\u{7f}申/",
            "b": [1, [], {}, [true, false]],
            "c": {},
            "d": {"e": 5},
        });
        let mut w = Writer::new();
        w.object(&mut |w| {
            w.key("a").string("x\"\\\n\r\t\u{8}\u{c}\u{1}\u{7f}申/");
            w.key("b").array(&mut |w| {
                w.item();
                w.plain(1);
                w.item();
                w.array(&mut |_| {});
                w.item();
                w.object(&mut |_| {});
                w.item();
                w.array(&mut |w| {
                    w.item();
                    w.plain(true);
                    w.item();
                    w.plain(false);
                });
            });
            w.key("c").object(&mut |_| {});
            w.key("d").object(&mut |w| w.key("e").plain(5));
        });
        assert_eq!(w.finish(), serde_json::to_string_pretty(&value).unwrap());
    }
}
