//! The shipped example: a real 2022 form set of a district office in Sichuan, transcribed as printed.
//!
//! Every number and every mistake is kept as the unit filed it; the checker must find them.

use super::{json, Declaration};

/// The example file exactly as shipped (`examples/renhe-2022.json`).
pub const EXAMPLE_JSON: &str = include_str!("../../examples/renhe-2022.json");

/// The example as the page carries it: the same JSON without the indentation and line breaks
/// between tokens, made at compile time (the page is ~400 B of gzip smaller).
static COMPACT_JSON: &str = match std::str::from_utf8(&COMPACT_BYTES) {
    Ok(text) => text,
    Err(_) => panic!("compacting broke the example's UTF-8"),
};

static COMPACT_BYTES: [u8; compact(EXAMPLE_JSON.as_bytes(), &mut [])] = {
    let mut out = [0; compact(EXAMPLE_JSON.as_bytes(), &mut [])];
    compact(EXAMPLE_JSON.as_bytes(), &mut out);
    out
};

/// Copies JSON into `out` without the whitespace outside strings, when `out` has room, and returns
/// the length of the result.
const fn compact(json: &[u8], out: &mut [u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    let (mut in_string, mut escaped) = (false, false);
    while i < json.len() {
        let b = json[i];
        i += 1;
        if !in_string && matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            continue;
        }
        if b == b'"' && !escaped {
            in_string = !in_string;
        }
        escaped = in_string && !escaped && b == b'\\';
        if n < out.len() {
            out[n] = b;
        }
        n += 1;
    }
    n
}

/// The example declaration.
pub fn declaration() -> Declaration {
    // The file is part of the build and a test reads it; failing here is a build defect.
    json::from_str(COMPACT_JSON)
        .unwrap_or_else(|e| panic!("examples/renhe-2022.json is broken: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_example_is_the_shipped_file_without_whitespace_between_tokens() {
        let shipped: serde_json::Value = serde_json::from_str(EXAMPLE_JSON).unwrap();
        let carried: serde_json::Value = serde_json::from_str(COMPACT_JSON).unwrap();
        assert_eq!(carried, shipped);
        assert!(COMPACT_JSON.len() < EXAMPLE_JSON.len() * 4 / 5);
        let mut out = [0; 32];
        let n = compact(br#"{ "a b": "c\" d" ,"e":[1, 2] }"#, &mut out);
        assert_eq!(&out[..n], br#"{"a b":"c\" d","e":[1,2]}"#);
    }

    #[test]
    fn the_example_is_the_seed_set() {
        let d = declaration();
        assert_eq!(d.year, "2022");
        assert_eq!(d.projects.len(), 6);
        assert_eq!(d.overall.total.to_text(), "921.83");
        assert_eq!(d.overall.operating.to_text(), "104.52");
        assert_eq!(d.overall.indicators.len(), 16);
        let rows: usize = d.projects.iter().map(|p| p.indicators.len()).sum();
        assert_eq!(rows, 10 + 10 + 10 + 13 + 14 + 13);
        assert_eq!(d.projects[2].indicators[2].value, "2021年1月至12月");
    }

    /// Run with `JIXIAO_BLESS=1` to rewrite the shipped file in canonical form after a format change.
    #[test]
    fn the_shipped_file_is_what_the_app_writes() {
        let canonical = json::to_json(&declaration());
        if std::env::var_os("JIXIAO_BLESS").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/examples/renhe-2022.json"),
                format!("{canonical}\n"),
            )
            .unwrap();
            return;
        }
        assert!(
            canonical.trim_end() == EXAMPLE_JSON.trim_end(),
            "examples/renhe-2022.json is not canonical; run with JIXIAO_BLESS=1"
        );
    }
}
