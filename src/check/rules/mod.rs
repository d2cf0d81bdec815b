//! The rules, one module per family of the catalogue (shared/spec/rules.md).

pub mod category;
pub mod identity;
pub mod money;
pub mod score;
pub mod target;
pub mod value;
pub mod wording;
pub mod year;

use super::context::{Ctx, Reading};
use super::{Fix, Out};
use crate::model::Path;
use crate::text::Span;

/// What one rule found in each distinct text: a declaration repeats texts (a standard target, a
/// date, one indicator name in many projects), so a rule whose findings depend on the text alone
/// checks it once and gives every other place holding it a copy at that place.
pub(crate) struct PerText {
    found: Vec<Option<(usize, usize)>>,
}

impl PerText {
    /// For the texts of one read declaration.
    pub(crate) fn new(ctx: &Ctx) -> PerText {
        PerText {
            found: vec![None; ctx.texts],
        }
    }

    /// Runs `check` on the text at `path`, or, when it was checked at another place, repeats
    /// there what it found. `check` must depend on the text alone (and on `path` only to place
    /// its findings and fixes).
    pub(crate) fn check<'r>(
        &mut self,
        out: &mut Out,
        path: Path,
        reading: &'r Reading<'r>,
        check: &mut dyn FnMut(&mut Out, Path, &'r Reading<'r>),
    ) {
        match self.found.get(reading.id).copied() {
            Some(Some((from, to))) => out.repeat_at(from, to, path),
            Some(None) => {
                let from = out.len();
                check(out, path, reading);
                self.found[reading.id] = Some((from, out.len()));
            }
            // Not a reading of this declaration: just check it.
            None => check(out, path, reading),
        }
    }
}

/// A fix that replaces one span of a text, checking that the text is still there.
pub(crate) fn replace(path: Path, reading: &Reading<'_>, span: Span, with: &str) -> Fix {
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
            super::value::CHANGE_WORDS.to_vec(),
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
