//! T — target text: measurable, the source of the counts in the indicators, written as intentions;
//! the cost per unit of output where it can be computed; long-term counts that hold the annual
//! ones. Source: 财预〔2015〕88号 (指向明确、相应匹配).

use crate::check::context::{Category, Ctx, RowCtx};
use crate::check::{Kind, Out, Severity};
use crate::model::money::{quotient, sum_exact};
use crate::model::{Grid, Path, RowField};
use crate::text::{counts, same_unit, words, Quantity, Span, Word};
use rust_decimal::Decimal;

/// T1: the annual target / task text contains something measurable.
pub fn t1_measurable_target(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        // A number is an amount or a year: the digits of "1.…；2.…" only number a list.
        let t = &f.target;
        if !t.is_blank() && t.quantities.is_empty() && crate::text::years(&t.folded).is_empty() {
            out.add(
                Severity::Warning,
                Path::Field(f.form, f.target_field),
                Kind::TargetNotMeasurable {
                    field: f.target_field.label_on(f.form),
                },
            );
        }
    }
}

fn shared_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// T2: counts in the indicators trace back to the target text; a different count of the same thing is an error.
pub fn t2_counts_trace_to_target(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let target: Vec<&Quantity> = counts(&f.target.quantities).collect();
        if target.is_empty() {
            continue;
        }
        // The counts not found in the target, with where they stand.
        let mut untraced = Vec::new();
        for r in f.annual().filter(|r| r.filled()) {
            // A different count of the same thing, in the name or the value.
            let mut contradicted = false;
            for (field, reading) in [(RowField::Level3, &r.name), (RowField::Value, &r.value)] {
                for q in counts(&reading.quantities).filter(|q| q.noun.end - q.noun.start >= 2) {
                    let noun = reading.folded.span(q.noun);
                    let same_thing = target.iter().find(|t| {
                        same_unit(t.unit, q.unit)
                            && shared_suffix(f.target.folded.span(t.noun), noun) >= 2
                    });
                    let stated = |o: &&Quantity| o.value == q.value && same_unit(o.unit, q.unit);
                    if let Some(t) =
                        same_thing.filter(|t| t.value != q.value && !target.iter().any(stated))
                    {
                        out.add(
                            Severity::Error,
                            r.path(f.form, field),
                            Kind::CountContradictsTarget {
                                value: q.value,
                                unit: q.unit,
                                noun: crate::text::string_of(noun),
                                in_target: t.value,
                            },
                        )
                        .at(q.span);
                        contradicted = true;
                    }
                }
            }
            if contradicted || r.category != Category::Quantity {
                continue;
            }
            // The count in the value, else with the unit the row states apart.
            let Some((q, field)) = r.count() else {
                continue;
            };
            if !stated(&target, q.unit, Some(q.value))
                && !times_stated(&f.target.quantities, q.unit, q.value)
            {
                untraced.push((r.path(f.form, field), field, q.span, q.value, q.unit));
            }
        }
        // Counts that break down a total the target states: the rows in one unit that add up to
        // it ("城市低保对象 3200人", "农村低保对象 10300人" of "低保对象1.35万人").
        for &(path, field, span, value, unit) in &untraced {
            // (Alone in its unit, a count is its own sum: untraced.)
            let same = untraced.iter().filter(|u| same_unit(u.4, unit));
            if !stated(&target, unit, sum_exact(same.map(|u| u.3))) {
                out.add(
                    Severity::Warning,
                    path,
                    Kind::CountNotInTarget { value, unit },
                )
                .at_number(field, span);
            }
        }
    }
}

/// Whether the target states a count in `unit`: one of its counts in that unit, or their sum.
fn stated(target: &[&Quantity], unit: &str, count: Option<Decimal>) -> bool {
    let same = || {
        (target.iter())
            .filter(|t| same_unit(t.unit, unit))
            .map(|t| t.value)
    };
    count.is_some() && (same().any(|t| Some(t) == count) || sum_exact(same()) == count)
}

/// Whether a count in 人次 (户次, 台次 …) is a count of 人 times a count of 次 (期, 场, 批, 轮)
/// the target states, either per the other ("慰问2次，每次420人" is 840人次, "培训12期，每期50人"
/// 600人次).
fn times_stated(target: &[Quantity], unit: &'static str, count: Decimal) -> bool {
    // (The empty head is tested inside the closure: outside, the page's wasm came out 26 B larger.)
    let head = unit.strip_suffix('次').unwrap_or_default();
    (target.iter()).any(|a| {
        !head.is_empty()
            && same_unit(a.unit, head)
            && (target.iter()).any(|b| {
                matches!(b.unit, "次" | "期" | "场" | "批" | "轮")
                    && crate::text::times(a.value, b.value) == Some(count)
            })
    })
}

pub(crate) const PAST_PHRASES: &[Word] = words![
    "保障了",
    "完成了",
    "实现了",
    "建立了",
    "取得了",
    "达到了",
    "提高了",
    "加强了",
    "开展了",
    "落实了",
    "推进了",
    "改善了",
    "促进了",
    "解决了",
    "建成了",
    "举办了",
    "召开了",
    "发放了",
];

/// T3: targets are written as intentions, not as past results ("保障了…").
pub fn t3_intentions_not_results(ctx: &Ctx, out: &mut Out) {
    let phrases = crate::text::WordSet::new(PAST_PHRASES);
    for f in &ctx.forms {
        let texts = std::iter::once((Path::Field(f.form, f.target_field), &f.target)).chain(
            f.rows
                .iter()
                .filter(|r| r.category == Category::Benefit)
                .map(|r| (r.path(f.form, RowField::Value), &r.value)),
        );
        for (path, reading) in texts {
            // "在取得了…的基础上" says where the year starts from, not a result it claims.
            let starts_from = |span: &Span| {
                let rest = &reading.folded.chars()[span.end..];
                let clause = rest.split(|c| matches!(c, ',' | '。' | ';')).next();
                clause.is_some_and(|c| c.windows(3).any(|w| w == ['基', '础', '上']))
            };
            let found = phrases.find(&reading.folded);
            if let Some((k, span)) = found.into_iter().find(|(_, span)| !starts_from(span)) {
                out.add(
                    Severity::Warning,
                    path,
                    Kind::PastTense {
                        phrase: PAST_PHRASES[k].text,
                    },
                )
                .at(span);
            }
        }
    }
}

/// T4: the cost per unit of output, where a project states one count of output.
pub fn t4_cost_per_unit(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let Some(p) = f.project else { continue };
        let Some(total) = crate::check::rules::money::amount_of(&p.total) else {
            continue;
        };
        let outputs: Vec<(&RowCtx, (Quantity, RowField))> = f
            .annual()
            .filter(|r| r.category == Category::Quantity)
            .filter_map(|r| r.count().map(|count| (r, count)))
            .collect();
        let [(r, (q, field))] = outputs.as_slice() else {
            continue;
        };
        let (count, unit) = (q.value, q.unit);
        if count.is_zero() {
            continue;
        }
        // Kept to 0.0001 元: a cost per head of livestock is a few 角.
        let Some(per_unit) = quotient(total, count, 8, true) else {
            continue;
        };
        out.add(
            Severity::Info,
            r.path(f.form, *field),
            Kind::CostPerUnit {
                per_unit: per_unit.normalize(),
                unit,
                count,
                total,
            },
        )
        .at_number(*field, q.span);
    }
}

/// T5: a count in the long-term grid is not below the annual count of the same indicator: the
/// annual target is the budget year's part of the implementation period's. A count per year
/// ("每年", "年均") and a cap ("≤3起") may be.
pub fn t5_long_term_covers_annual(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        for r in f.rows.iter().filter(|r| r.grid == Grid::LongTerm) {
            let Some((long, field)) = total_count(r) else {
                continue;
            };
            // The same name, or it with 累计 before it ("累计档案数字化页数").
            let name = r.level3.strip_prefix("累计").unwrap_or(&r.level3);
            let same = f
                .annual()
                .find(|a| !a.level3.is_empty() && *a.level3 == *name);
            let Some((annual, _)) = same.and_then(total_count) else {
                continue;
            };
            if same_unit(annual.unit, long.unit) && long.value < annual.value {
                out.add(
                    Severity::Warning,
                    r.path(f.form, field),
                    Kind::LongTermBelowAnnual {
                        long_term: long.value,
                        annual: annual.value,
                        unit: annual.unit,
                    },
                )
                .at_number(field, long.span);
            }
        }
    }
}

/// A 数量 row's count as a total, for T5: none when it is a cap or per year.
fn total_count(r: &RowCtx) -> Option<(Quantity, RowField)> {
    let yearly = ["每年", "年均"]
        .iter()
        .any(|w| r.value.mentions(w) || r.name.mentions(w));
    let plain = r.category == Category::Quantity && !yearly;
    r.count().filter(|(q, _)| plain && !r.caps(q))
}
