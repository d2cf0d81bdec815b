//! The rules, one module per family of the catalogue (shared/spec/rules.md).

pub mod category;
pub mod identity;
pub mod money;
pub mod score;
pub mod target;
pub mod value;
pub mod wording;
pub mod year;

use super::context::Reading;
use super::Fix;
use crate::model::Path;
use crate::text::Span;

/// A fix that replaces one span of a text, checking that the text is still there.
pub(crate) fn replace(
    path: Path,
    reading: &Reading<'_>,
    span: Span,
    with: impl Into<String>,
) -> Fix {
    let expect: String = reading
        .raw
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    Fix::Replace {
        path,
        span,
        expect,
        with: with.into(),
    }
}

/// Every char span of `needle` in `haystack`.
pub(crate) fn char_spans(haystack: &str, needle: &str) -> Vec<Span> {
    haystack
        .match_indices(needle)
        .map(|(byte, _)| {
            let start = haystack[..byte].chars().count();
            Span::new(start, start + needle.chars().count())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_searched_in_folded_text_are_left_alone_by_folding() {
        let tables = [
            super::target::PAST_PHRASES.to_vec(),
            super::wording::TYPOS.iter().map(|t| t.0).collect(),
        ];
        for w in tables.iter().flatten() {
            assert!(
                w.chars().iter().all(|c| crate::text::fold(*c) == *c),
                "{}",
                w.text
            );
        }
    }
}
