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

/// A list of words to look for in many texts, indexed by first char once so that each char of a
/// text costs one lookup. The words must be ones folding leaves as they are (Chinese words; a
/// test checks the tables), so a span found in folded text points at what the user typed.
pub(crate) struct WordSet<'w> {
    words: &'w [Word],
    /// For each first char (modulo 64), the indexes of the words that start with it.
    by_first: Vec<Vec<usize>>,
}

impl<'w> WordSet<'w> {
    /// Indexes the words (empty words are never found).
    pub fn new(words: &'w [Word]) -> WordSet<'w> {
        let mut by_first = vec![Vec::new(); 64];
        for (k, w) in words.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
            by_first[w.first() as usize % 64].push(k);
        }
        WordSet { words, by_first }
    }

    /// Every occurrence of any of the words in a folded text's chars, in one pass: (index into
    /// the words, char span).
    pub fn find(&self, chars: &[char]) -> Vec<(usize, Span)> {
        let mut found = Vec::new();
        for (i, &ch) in chars.iter().enumerate() {
            for &k in &self.by_first[ch as usize % 64] {
                let w = &self.words[k];
                if chars[i..].starts_with(w.chars()) {
                    found.push((k, Span::new(i, i + w.len())));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_finds_each_word_where_it_starts() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let words = crate::text::words!["各顶", "", "公计", "合计"];
        let set = WordSet::new(words);
        let found = set.find(&chars("公计三项，各顶合计，公计"));
        assert_eq!(
            found,
            vec![
                (2, Span::new(0, 2)),
                (0, Span::new(5, 7)),
                (3, Span::new(7, 9)),
                (2, Span::new(10, 12)),
            ]
        );
        assert!(set.find(&chars("没有要找的词")).is_empty());
        assert!(set.find(&[]).is_empty());
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
