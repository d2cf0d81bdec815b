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
use crate::text::{Span, Word};

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

/// Every occurrence of any of `words` in a folded text's chars, in one pass: (index into
/// `words`, char span). Only the words that start with the char at a position are compared there,
/// so long texts and long word lists cost little. The words must be ones folding leaves as they
/// are (Chinese words; a test checks the tables), so a span points at what the user typed.
pub(crate) fn find_words(chars: &[char], words: &[Word]) -> Vec<(usize, Span)> {
    let mut found = Vec::new();
    // A 64-bit filter on the first chars turns most positions away with one AND.
    let mask = words
        .iter()
        .filter(|w| w.len() > 0)
        .fold(0u64, |m, w| m | 1 << (w.first() as u32 % 64));
    for (i, &ch) in chars.iter().enumerate() {
        if mask & (1 << (ch as u32 % 64)) == 0 {
            continue;
        }
        for (k, w) in words.iter().enumerate() {
            if w.len() > 0 && w.first() == ch && chars[i..].starts_with(w.chars()) {
                found.push((k, Span::new(i, i + w.len())));
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
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let words = crate::text::words!["各顶", "", "公计", "合计"];
        let found = find_words(&chars("公计三项，各顶合计，公计"), words);
        assert_eq!(
            found,
            vec![
                (2, Span::new(0, 2)),
                (0, Span::new(5, 7)),
                (3, Span::new(7, 9)),
                (2, Span::new(10, 12)),
            ]
        );
        assert!(find_words(&chars("没有要找的词"), &words[2..3]).is_empty());
        assert!(find_words(&[], &words[2..3]).is_empty());
    }

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
