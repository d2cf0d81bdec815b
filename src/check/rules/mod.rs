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

/// Every occurrence of any of `words` in `text`, in one pass: (index into `words`, char span).
/// Only the words that start with the char at a position are compared there, so long texts and
/// long word lists cost little. Empty words are never found.
pub(crate) fn find_words(text: &str, words: &[&str]) -> Vec<(usize, Span)> {
    let mut found = Vec::new();
    let firsts: Vec<Option<char>> = words.iter().map(|w| w.chars().next()).collect();
    // A 64-bit filter on the first chars turns most positions away with one AND.
    let mask = firsts
        .iter()
        .flatten()
        .fold(0u64, |m, c| m | 1 << (*c as u32 % 64));
    for (ci, (byte, ch)) in text.char_indices().enumerate() {
        if mask & (1 << (ch as u32 % 64)) == 0 {
            continue;
        }
        let rest = &text[byte..];
        for (k, w) in words.iter().enumerate() {
            if firsts[k] == Some(ch) && rest.starts_with(w) {
                found.push((k, Span::new(ci, ci + w.chars().count())));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_words_finds_each_word_where_it_starts() {
        let found = find_words("公计三项，各顶合计，公计", &["各顶", "", "公计", "合计"]);
        assert_eq!(
            found,
            vec![
                (2, Span::new(0, 2)),
                (0, Span::new(5, 7)),
                (3, Span::new(7, 9)),
                (2, Span::new(10, 12)),
            ]
        );
        assert!(find_words("没有要找的词", &["公计"]).is_empty());
        assert!(find_words("", &["公计"]).is_empty());
    }
}
