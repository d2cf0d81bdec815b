//! W — wording and format: document numbers with 〔〕, balanced brackets, conversion leftovers, known typos.
//! Source: GB/T 9704 公文格式; reviewers' practice.

use super::{char_spans, replace, PerText};
use crate::check::context::{Ctx, Reading};
use crate::check::{Kind, Out, Severity};
use crate::model::{Field, Path, RowField};
use crate::text::{self, CharSet, Span, Word};

/// Checks every free-text field of the forms read, each distinct text once ([`PerText`]): `check`
/// gets the place and the text read. (Plain loops: the same walk as a chain of `flat_map`s cost
/// several times more per text than most rules spend on it. `check` is not generic: one walk
/// serves the four rules, not a copy of it in each.)
fn each_free_text<'a>(
    ctx: &'a Ctx,
    out: &mut Out,
    check: &mut dyn FnMut(&mut Out, Path, &'a Reading<'a>),
) {
    let mut per_text = PerText::new(ctx);
    let mut visit = |path, reading: &'a Reading<'a>| {
        per_text.check(out, path, reading, &mut |out, path, reading| {
            check(out, path, reading)
        });
    };
    for f in &ctx.forms {
        visit(Path::Field(f.form, f.target_field), &f.target);
        if f.project.is_some() {
            for (field, reading) in [
                (Field::LongTermTarget, &f.long_term_target),
                (Field::Period, &f.period),
            ] {
                if !reading.raw.is_empty() {
                    visit(Path::Field(f.form, field), reading);
                }
            }
        }
        for r in &f.rows {
            visit(r.path(f.form, RowField::Level3), &r.name);
            visit(r.path(f.form, RowField::Value), &r.value);
        }
    }
}

/// W1: document numbers put their year in 〔〕 ("攀人办[2019]53号" → "攀人办〔2019〕53号").
pub fn w1_document_numbers(ctx: &Ctx, out: &mut Out) {
    each_free_text(ctx, out, &mut |out, path, reading| {
        // A document number ends in 号: the text's char set rules out most texts.
        if !reading.folded.char_set().may_hold('号') {
            return;
        }
        for doc in text::bad_doc_numbers(&reading.folded) {
            let found = reading
                .raw
                .chars()
                .skip(doc.span.start)
                .take(doc.span.end - doc.span.start)
                .collect();
            out.add(
                Severity::Warning,
                path,
                Kind::DocNumberBrackets {
                    found,
                    corrected: doc.corrected.clone(),
                },
            )
            .at(doc.span)
            .fix(replace(path, reading, doc.span, &doc.corrected));
        }
    });
}

/// Bracket pairs: (open, close, family). Opening and closing brackets of one family close each other.
const PAIRS: &[(char, char, u8)] = &[
    ('（', '）', 0),
    ('(', ')', 0),
    ('《', '》', 1),
    ('〈', '〉', 1),
    ('【', '】', 2),
    ('〔', '〕', 3),
    ('[', ']', 4),
    ('“', '”', 5),
    ('‘', '’', 6),
    ('{', '}', 7),
];

/// The brackets of [`PAIRS`] once folded (folding keeps every bracket a bracket: （ becomes (), so
/// the folded text tells whether a text needs W2's closer look.
const FOLDED_BRACKETS: CharSet = CharSet::of(&[
    '(', ')', '[', ']', '{', '}', '《', '》', '〈', '〉', '【', '】', '〔', '〕', '“', '”', '‘',
    '’',
]);

/// W2: brackets balance and match in each field; mixed full/half width pairs are info.
pub fn w2_brackets(ctx: &Ctx, out: &mut Out) {
    each_free_text(ctx, out, &mut |out, path, reading| {
        // Answered from the text's char set for most texts, without walking them.
        if !reading.folded.char_set().may_meet(FOLDED_BRACKETS) {
            return;
        }
        let raw = reading.raw;
        let mut stack: Vec<(char, usize)> = Vec::new();
        for (i, c) in raw.chars().enumerate() {
            if PAIRS.iter().any(|(o, _, _)| *o == c) {
                stack.push((c, i));
            } else if let Some((_, _, family)) = PAIRS.iter().find(|(_, cl, _)| *cl == c) {
                match stack.last().copied() {
                    None if text::closes_list_marker(&reading.folded, i) => {}
                    None => {
                        out.add(Severity::Warning, path, Kind::UnopenedBracket { close: c })
                            .at(Span::new(i, i + 1));
                    }
                    Some((open, at)) => {
                        let (_, expected, open_family) = PAIRS
                            .iter()
                            .find(|(o, _, _)| *o == open)
                            .copied()
                            .unwrap_or((open, c, *family));
                        stack.pop();
                        if expected == c {
                            continue;
                        }
                        if open_family == *family && open_family == 0 {
                            out.add(
                                Severity::Info,
                                path,
                                Kind::MixedWidthBrackets { open, close: c },
                            )
                            .at(Span::new(at, i + 1));
                        } else {
                            out.add(
                                Severity::Warning,
                                path,
                                Kind::MismatchedBrackets { open, close: c },
                            )
                            .at(Span::new(at, i + 1));
                        }
                    }
                }
            }
        }
        for (open, at) in stack {
            out.add(Severity::Warning, path, Kind::UnclosedBracket { open })
                .at(Span::new(at, at + 1));
        }
    });
}

/// W3: leftovers of converting a Word file ("[bookmark: _GoBack]", U+FFFD) are removed.
pub fn w3_conversion_artefacts(ctx: &Ctx, out: &mut Out) {
    each_free_text(ctx, out, &mut |out, path, reading| {
        let raw = reading.raw;
        // The three leaders first, from the text's char set (where ［ is [ too): most texts hold
        // none, and one test is cheaper than a Reading::mentions per word.
        let leaders = const { CharSet::of(&['[', '\u{fffd}', '_']) };
        if !(reading.folded.char_set().may_meet(leaders)
            && (text::has(raw, "[bookmark")
                || raw.contains('\u{fffd}')
                || text::has(raw, "_GoBack")))
        {
            return;
        }
        let chars: Vec<char> = raw.chars().collect();
        let mut spans = Vec::new();
        for s in char_spans(raw, "[bookmark") {
            let end = chars[s.start..]
                .iter()
                .position(|c| *c == ']')
                .map_or(chars.len(), |k| s.start + k + 1);
            spans.push(Span::new(s.start, end));
        }
        spans.extend(char_spans(raw, "\u{fffd}"));
        for span in spans {
            let text = crate::text::string_of(&chars[span.start..span.end]);
            out.add(Severity::Info, path, Kind::ConversionArtefact { text })
                .at(span)
                .fix(replace(path, reading, span, ""));
        }
    });
}

/// Known typos seen in real forms, and their corrections. Extend as reviewers find more.
pub const TYPOS: &[(Word, &str)] = &[
    (Word::new("公计"), "共计"),
    (Word::new("各顶"), "各项"),
    (Word::new("布署"), "部署"),
    (Word::new("按排"), "安排"),
    (Word::new("做为"), "作为"),
    (Word::new("既使"), "即使"),
    (Word::new("帐户"), "账户"),
    (Word::new("付合"), "符合"),
    (Word::new("再接再励"), "再接再厉"),
    (Word::new("经费开资"), "经费开支"),
    (Word::new("坚持不懈的"), "坚持不懈地"),
    (Word::new("截止目前"), "截至目前"),
    (Word::new("报销凭证单"), "报销凭单"),
    (Word::new("以经"), "已经"),
    (Word::new("即然"), "既然"),
];

/// W4: a small, extendable list of known typos (公计 → 共计, 各顶 → 各项 …).
pub fn w4_typos(ctx: &Ctx, out: &mut Out) {
    let wrong: Vec<Word> = TYPOS.iter().map(|(w, _)| *w).collect();
    let wrong = crate::text::WordSet::new(&wrong);
    each_free_text(ctx, out, &mut |out, path, reading| {
        for (k, span) in wrong.find(&reading.folded) {
            let (wrong, right) = TYPOS[k];
            let wrong = wrong.text;
            out.add(
                Severity::Warning,
                path,
                Kind::Typo {
                    found: wrong,
                    correct: right,
                },
            )
            .at(span)
            .fix(replace(path, reading, span, right));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bracket_of_the_pairs_is_a_bracket_once_folded() {
        for (open, close, _) in PAIRS {
            assert!(FOLDED_BRACKETS.may_hold(text::fold(*open)), "{open}");
            assert!(FOLDED_BRACKETS.may_hold(text::fold(*close)), "{close}");
        }
    }
}
