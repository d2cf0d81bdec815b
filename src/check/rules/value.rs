//! V — indicator values: quantitative where they should be, with a sign and a unit, one target not
//! a range nor an approximation, sensible percentages, no boilerplate, and the value cell holding
//! only the value.
//! Source: 财预〔2015〕88号 (细化量化), 财预〔2011〕285号 (可量化的用数值描述).

use super::{replace, PerText};
use crate::check::context::{Category, Ctx, Reading, RowCtx};
use crate::check::{Fix, Kind, Out, Severity};
use crate::model::framework::compact;
use crate::model::{Direction, Path, RowField, Sign};
use crate::text::{self, words, CharSet, Quantity, Role, SignKind, Span, Word, WordSet};
use rust_decimal::Decimal;
use std::borrow::Cow;

fn filled_rows<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (crate::model::FormRef, &'a RowCtx<'a>)> {
    ctx.forms.iter().flat_map(|f| {
        f.rows
            .iter()
            .filter(|r| r.filled())
            .map(move |r| (f.form, r))
    })
}

/// A name of a rate or of a satisfaction, which is measured in % — unless the name says it is a
/// score ("满意度测评得分" 90分).
fn is_rate_name(name: &Reading) -> bool {
    name.raw
        .trim_end_matches(crate::model::money::is_blank_char)
        .ends_with('率')
        || name.mentions("满意度")
            && !["得分", "评分", "分数", "分值"]
                .iter()
                .any(|w| name.mentions(w))
}

/// Whether the name counts its number per a base it states: "每万人口全科医生数" ≥3,
/// "亿元GDP生产安全事故死亡率" ≤0.02, "万台特种设备死亡人数" ≤0.2, "千人口床位数". Such a number
/// needs no unit of its own, and such a rate is no percentage.
fn per_base(r: &RowCtx) -> bool {
    let name = r.level3.trim_start();
    (name.starts_with(['万', '千']) && !name.starts_with("万元"))
        || ["十万", "百万"].iter().any(|w| name.starts_with(w))
        || [
            "每万",
            "每千",
            "每百",
            "万人口",
            "千人口",
            "万车",
            "亿元GDP",
            "亿元ＧＤＰ",
            "亿元国内生产总值",
            "亿元地区生产总值",
        ]
        .iter()
        .any(|w| r.name.mentions(w))
}

/// V1: 数量 and 成本 values are quantitative.
pub fn v1_quantitative(ctx: &Ctx, out: &mut Out) {
    for (form, r) in filled_rows(ctx) {
        if (r.category == Category::Quantity || r.costs_money())
            && r.value.quantities.is_empty()
            && r.row.number.is_blank()
        {
            out.add(
                Severity::Warning,
                r.path(form, RowField::Value),
                Kind::NotQuantitative {
                    level2: r.l2.to_string(),
                },
            );
        }
    }
}

/// V2: a quantitative value has a sign (warning) and a unit (error); a unit column agrees with the value.
pub fn v2_sign_and_unit(ctx: &Ctx, out: &mut Out) {
    for (form, r) in filled_rows(ctx) {
        let path = r.path(form, RowField::Value);
        // A coefficient, an index or a number per a base is a bare number
        // ("农田灌溉水有效利用系数" ≥0.58, "每万人口全科医生数" ≥3).
        let dimensionless =
            || ["系数", "指数", "比值"].iter().any(|w| r.name.mentions(w)) || per_base(r);
        // 100% and 0% read the same whatever the sign: "=" says so.
        let bound = |n: Decimal| n.is_zero() || n == Decimal::ONE_HUNDRED;
        if let Some(n) = r.row.number.value() {
            // A sign written in the value ("≥1260" beside 1260) states it.
            if r.row.sign.is_none() && r.value.signs.is_empty() {
                let path = r.path(form, RowField::Sign);
                let found = out.add(Severity::Warning, path, Kind::NoSign);
                if bound(n.0) && text::normalise_unit(&r.row.unit) == "%" {
                    found.fix(Fix::Set {
                        path,
                        text: "=".into(),
                    });
                }
            }
            // Zero needs no unit: 0 is 0 in any unit ("重大安全事故 0").
            if r.row.sign != Some(Sign::Qualitative)
                && !n.0.is_zero()
                && !dimensionless()
                && r.unit_apart().is_none()
            {
                out.add(
                    Severity::Error,
                    r.path(form, RowField::Unit),
                    Kind::NoUnit { number: n.0 },
                );
            }
        }
        let Some(q) = r.value.main_quantity() else {
            continue;
        };
        // A word right after the number is a unit this reader does not know ("35微克/立方米"),
        // not a missing one.
        let bare = || {
            r.value
                .folded
                .span(q.noun)
                .first()
                .is_none_or(|c| *c == '以')
        };
        // A 时效 value may be a date typed as digits ("2026.12", "2026") or a settlement day
        // ("T+1"); a whole number under 1000 ("响应时间 2") is hours or days that lost their unit.
        let hours_or_days = || {
            let before = q
                .span
                .start
                .checked_sub(1)
                .map(|i| r.value.folded.chars()[i]);
            q.value.is_integer()
                && q.value < Decimal::from(1000)
                && !before.is_some_and(|c| c == '+' || c.is_ascii_alphabetic())
        };
        if q.unit.is_empty()
            && !q.value.is_zero()
            && r.value.quantities.len() == 1
            && (r.category != Category::Timeliness || hours_or_days())
            && bare()
            && !dimensionless()
            && r.unit_apart().is_none()
        {
            out.add(Severity::Error, path, Kind::NoUnit { number: q.value })
                .at(q.span);
        }
        // A percentage as a money cost ("按最低工资标准的60%发放") is C8's finding: no cost stated.
        if q.unit == "%"
            && r.value.signs.is_empty()
            && r.row.sign.is_none()
            && r.category != Category::Timeliness
            && !(r.category == Category::Cost && r.costs_money())
        {
            let found = out.add(Severity::Warning, path, Kind::NoSign).at(q.span);
            if bound(q.value) {
                found.fix(replace(
                    path,
                    &r.value,
                    q.span,
                    &format!("={}%", crate::check::kind::num(&q.value)),
                ));
            }
        }
        let column = text::normalise_unit(&r.row.unit);
        // The reader counts "0.15万人" as 1500 人: a column of 万人 names it as written.
        let written_in_wan = || {
            column
                .strip_prefix('万')
                .is_some_and(|c| text::same_unit(c, q.unit))
                && r.value.folded.span(q.span).contains(&'万')
        };
        if !column.is_empty()
            && !q.unit.is_empty()
            && !text::same_unit(&column, q.unit)
            && !written_in_wan()
        {
            out.add(
                Severity::Error,
                r.path(form, RowField::Unit),
                Kind::UnitColumnDiffers {
                    column: r.row.unit.trim().into(),
                    in_value: q.unit,
                },
            );
        }
    }
}

/// V3: a value typed 定性 has no unit or number; one typed ≥/≤/= has a number.
pub fn v3_sign_type_agrees(ctx: &Ctx, out: &mut Out) {
    for (form, r) in filled_rows(ctx) {
        match r.row.sign {
            Some(Sign::Qualitative)
                if !compact(&r.row.unit).is_empty() || !r.row.number.is_blank() =>
            {
                out.add(
                    Severity::Error,
                    r.path(form, RowField::Sign),
                    Kind::QualitativeWithUnit {
                        unit: r.row.unit.trim().into(),
                    },
                );
            }
            // A ratio ("1:5", a leverage of 1 to 5) is a value as written.
            Some(sign)
                if sign != Sign::Qualitative
                    && r.row.number.value().is_none()
                    && r.value.quantities.is_empty()
                    && !matches!(&r.row.number, crate::model::Cell::Text(t) if t.contains([':', '：'])) =>
            {
                let path = r.path(form, RowField::Number);
                let Some(q) = number_with_unit(&r.row.number) else {
                    out.add(
                        Severity::Error,
                        path,
                        Kind::QuantitativeWithoutNumber { sign: sign.label() },
                    );
                    continue;
                };
                // The unit typed into the number cell: to move to its column, or already there.
                let column = text::normalise_unit(&r.row.unit);
                let unit_column = text::same_unit(&column, q.unit);
                let found = out.add(
                    Severity::Error,
                    path,
                    Kind::NumberWithUnit {
                        field: RowField::Number.label(),
                        text: r.row.number.to_text().trim().into(),
                        number: q.value,
                        unit: q.unit,
                        unit_column,
                    },
                );
                if unit_column {
                    found.fix(Fix::Set {
                        path,
                        text: crate::check::kind::num(&q.value),
                    });
                }
            }
            _ => {}
        }
    }
}

/// The number and unit of a number cell that holds them together ("1260公里", "≥85%").
fn number_with_unit(cell: &crate::model::NumberCell) -> Option<text::Quantity> {
    match cell {
        crate::model::Cell::Text(t) => text::lone_quantity(t).filter(|q| !q.unit.is_empty()),
        _ => None,
    }
}

/// V4: standard sign symbols (≥ not ≧) and no redundant sign words ("≥95%以上").
pub fn v4_sign_words(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            for (field, reading) in [(RowField::Value, &r.value), (RowField::Level3, &r.name)] {
                let path = r.path(f.form, field);
                for s in &reading.signs {
                    if let Some((found, standard)) = s.nonstandard {
                        out.add(
                            Severity::Warning,
                            path,
                            Kind::NonstandardSign { found, standard },
                        )
                        .at(s.span)
                        .fix(replace(path, reading, s.span, standard));
                    }
                }
                // 达到…以上 and 控制在…以内 are one sign each, not a sign said twice.
                let prefix = reading
                    .signs
                    .iter()
                    .find(|s| !s.suffix)
                    .filter(|p| !p.wants_suffix);
                for s in reading.signs.iter().filter(|s| s.suffix) {
                    let same_direction = prefix.is_some_and(|p| {
                        p.span.start < s.span.start
                            && matches!(
                                (p.kind, s.kind),
                                (SignKind::AtLeast | SignKind::Greater, SignKind::AtLeast)
                                    | (SignKind::AtMost | SignKind::Less, SignKind::AtMost)
                            )
                    });
                    if same_direction {
                        let word = reading.folded.slice(s.span);
                        out.add(Severity::Warning, path, Kind::RedundantSignWord { word })
                            .at(s.span)
                            .fix(replace(path, reading, s.span, ""));
                    }
                }
            }
        }
    }
}

/// V5: a single target, not a range ("1至5个") nor an approximation ("约200件", "200件左右");
/// dates and periods are fine.
pub fn v5_no_ranges(ctx: &Ctx, out: &mut Out) {
    for (form, r) in filled_rows(ctx) {
        if r.category == Category::Timeliness {
            continue;
        }
        let chars = r.value.folded.chars();
        for q in &r.value.quantities {
            let Span { start, end } = q.span;
            // 约 before the number, but not the 约 of 节约 ("节约10%" saves ten percent).
            let before = |k: usize| start.checked_sub(k).map(|i| chars[i]);
            let span = match (before(1), chars.get(end..end + 2)) {
                (Some('约'), _) if before(2) != Some('节') => Span::new(start - 1, end),
                (_, Some(['左', '右'] | ['上', '下'])) => Span::new(start, end + 2),
                _ => continue,
            };
            out.add(
                Severity::Warning,
                r.path(form, RowField::Value),
                Kind::ApproximateTarget {
                    written: r.value.folded.slice(span),
                },
            )
            .at(span);
        }
        for range in text::ranges(&r.value.folded) {
            out.add(
                Severity::Warning,
                r.path(form, RowField::Value),
                Kind::RangeTarget {
                    low: range.low,
                    high: range.high,
                    unit: range.unit,
                    cap: r.category == Category::Cost
                        || r.row.direction == Some(crate::model::Direction::Negative),
                },
            )
            .at(range.span);
        }
    }
}

/// V6: percentages of rates lie in 0–100; rate-like names (…率, 满意度) state a % (or ‰).
pub fn v6_percentages(ctx: &Ctx, out: &mut Out) {
    // Both checks are about a quantity of the value or the number column: a row without one
    // needs no look at the name.
    let has_quantity = |r: &RowCtx| !r.value.quantities.is_empty() || !r.row.number.is_blank();
    for (form, r) in filled_rows(ctx).filter(|(_, r)| has_quantity(r)) {
        let rate_name = is_rate_name(&r.name);
        let rate = rate_name || r.category == Category::Satisfaction;
        // A number whose unit stands apart: in the unit column, or after the name.
        let apart = rate.then(|| r.number_apart()).flatten();
        // A rate of growth may pass 100% ("增长率", "增幅").
        if rate && !r.name.mentions("增") {
            let in_value = r.value.quantities.iter().map(|q| (q, RowField::Value));
            for (q, field) in in_value.chain(apart.as_ref().map(|(q, field)| (q, *field))) {
                if q.unit == "%" && q.value > Decimal::from(100) {
                    out.add(
                        Severity::Error,
                        r.path(form, field),
                        Kind::PercentOutOfRange { value: q.value },
                    )
                    .at_number(field, q.span);
                }
            }
        }
        // A rate stated with its basis ("3个点位验收合格率95%") does give the percentage; so
        // does a change in percentage points ("较上年提高5个百分点").
        let states_a_rate = r
            .value
            .quantities
            .iter()
            .any(|q| matches!(q.unit, "%" | "‰" | "个百分点" | "百分点"));
        if rate_name && !states_a_rate && !per_base(r) {
            let stated = (r.value.main_quantity())
                .filter(|q| !q.unit.is_empty())
                .map(|q| (q, RowField::Value))
                .or(apart.as_ref().map(|(q, field)| (q, *field)));
            if let Some((q, field)) =
                stated.filter(|(q, _)| !matches!(q.unit, "" | "%" | "‰" | "个百分点" | "百分点"))
            {
                out.add(
                    Severity::Warning,
                    r.path(form, field),
                    Kind::RateWithoutPercent { unit: q.unit },
                )
                .at_number(field, q.span);
            }
        }
    }
}

/// A satisfaction row's percentage, with where it stands: the value, else the number column (or
/// a bare number beside a % unit column).
fn satisfaction_percent(r: &RowCtx) -> Option<(Decimal, crate::text::Span, RowField)> {
    let about =
        r.category == Category::Satisfaction || r.name.mentions("满意") || r.value.mentions("满意");
    if !about {
        return None;
    }
    if let Some((q, field)) = r.number_apart().filter(|(q, _)| q.unit == "%") {
        return Some((q.value, q.span, field));
    }
    r.value
        .quantities
        .iter()
        .find(|q| q.unit == "%")
        .map(|q| (q.value, q.span, RowField::Value))
}

/// V7: a satisfaction target is ≥N% with N in a sensible band; targets in one form agree.
pub fn v7_satisfaction_band(ctx: &Ctx, out: &mut Out) {
    let min = ctx.profile.satisfaction_min_percent;
    for f in &ctx.forms {
        let mut first: Option<Decimal> = None;
        for r in f.rows.iter().filter(|r| r.filled()) {
            let Some((value, span, field)) = satisfaction_percent(r) else {
                continue;
            };
            let path = r.path(f.form, field);
            if value < Decimal::from(min) {
                out.add(
                    Severity::Warning,
                    path,
                    Kind::SatisfactionTooLow { value, min },
                )
                .at_number(field, span);
            } else if value == Decimal::from(100) && ctx.profile.satisfaction_warn_at_100 {
                out.add(Severity::Warning, path, Kind::SatisfactionFull)
                    .at_number(field, span);
            }
            match first {
                None => first = Some(value),
                Some(v) if v != value => {
                    out.add(
                        Severity::Info,
                        path,
                        Kind::SatisfactionTargetsDiffer {
                            first: v,
                            other: value,
                        },
                    )
                    .at_number(field, span);
                }
                Some(_) => {}
            }
        }
    }
}

/// Values that promise nothing a reviewer could check (besides every [`vague_change`]).
const EMPTY_PHRASES: &[&str] = &[
    "明显提升",
    "显著提高",
    "按时完成",
    "保质保量完成",
    "圆满完成",
    "达到预期",
    "达到要求",
    "符合要求",
    "效果良好",
    "取得实效",
    "顺利完成",
    "有效保障",
];

/// How vaguely a change is promised ("逐步" in "逐步提高", "持续" in "持续改善"). Not the grades
/// of a 分级 scale (明显改善, 显著提升), which a reviewer can judge.
const VAGUE_MANNERS: &[&str] = &[
    "进一步",
    "稳步",
    "逐步",
    "逐年",
    "不断",
    "有所",
    "得到",
    "持续",
];

/// The change promised ("提高" in "稳步提高").
const CHANGES: &[&str] = &[
    "提高", "提升", "改善", "增强", "加强", "增加", "改进", "优化", "完善", "好转", "下降", "降低",
    "减少", "扩大", "巩固", "健全",
];

/// A change promised with no measure: a vague manner and a change, and nothing else ("逐步提高",
/// "有所改善", "不断增强"). 财预〔2015〕88号 asks for targets 细化量化; these are neither.
fn vague_change(t: &str) -> bool {
    // 持续巩固 says a lasting effect is kept, which a reviewer can judge.
    VAGUE_MANNERS
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .is_some_and(|rest| CHANGES.contains(&rest))
        && t != "持续巩固"
}

/// True for a value that is boilerplate with nothing measurable ("按照计划执行", "稳步提高").
pub fn is_boilerplate(value: &str) -> bool {
    let t = compact(value);
    let t = t.trim_end_matches(['。', '.', '；', ';', '，']);
    if t.is_empty() || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if EMPTY_PHRASES.contains(&t) || vague_change(t) {
        return true;
    }
    let starts = ["按照", "根据", "依照", "按", "依据"]
        .iter()
        .any(|p| t.starts_with(p));
    let ends = ["执行", "完成", "实施", "开展", "进行", "落实"]
        .iter()
        .any(|s| t.ends_with(s));
    starts && ends && t.chars().count() <= 20
}

/// V8: a qualitative value is not a restatement of its name nor boilerplate.
pub fn v8_no_boilerplate(ctx: &Ctx, out: &mut Out) {
    let mut per_text = PerText::new(ctx);
    for (form, r) in filled_rows(ctx) {
        if !r.value.quantities.is_empty() || r.value.has_number() {
            continue;
        }
        let path = r.path(form, RowField::Value);
        let name = &r.level3;
        if !name.is_empty() && compact(&r.row.value).trim_end_matches('。') == name {
            out.add(Severity::Warning, path, Kind::RestatesName);
        } else {
            per_text.check(out, path, &r.value, &mut |out, path, value| {
                if is_boilerplate(value.raw) {
                    out.add(
                        Severity::Warning,
                        path,
                        Kind::Boilerplate {
                            text: value.raw.trim().into(),
                        },
                    );
                }
            });
        }
    }
}

const GRADE_WORDS: &[&str] = &[
    "优",
    "良",
    "中",
    "差",
    "达成",
    "达标",
    "合格",
    "显著",
    "较好",
    "明显",
    "一般",
    "不合格",
    "未达成",
    "好评",
];

/// V9: a qualitative quality or benefit value uses a grade scale.
pub fn v9_grade_scale(ctx: &Ctx, out: &mut Out) {
    let mut per_text = PerText::new(ctx);
    for (form, r) in filled_rows(ctx) {
        // A number in the number column makes the row quantitative, whatever the value cell says.
        if matches!(r.category, Category::Quality | Category::Benefit) && r.row.number.is_blank() {
            let path = r.path(form, RowField::Value);
            per_text.check(out, path, &r.value, &mut |out, path, value| {
                if !value.has_number()
                    && !is_boilerplate(value.raw)
                    && !GRADE_WORDS.iter().any(|w| value.raw.contains(w))
                {
                    out.add(Severity::Info, path, Kind::NoGradeScale);
                }
            });
        }
    }
}

/// V10: a number inside the 三级 name ("村组干部230人") agrees with the value in the same unit.
pub fn v10_name_number(ctx: &Ctx, out: &mut Out) {
    for (form, r) in filled_rows(ctx) {
        let Some(n) = text::counts(&r.name.quantities).next() else {
            continue;
        };
        // In one unit of two names ("1500名" compares with "1500人"; the reader counts "0.15万人"
        // as 1500 人).
        let same = |q: &Quantity| q.role == Role::Plain && text::same_unit(q.unit, n.unit);
        let in_value = (r.value.quantities.iter())
            .find(|q| same(q))
            .map(|v| ((v.value, v.unit), RowField::Value, v.span));
        // Else with the unit the row states apart.
        let in_value = in_value.or_else(|| {
            let (v, field) = r.number_apart().filter(|(v, _)| same(v))?;
            Some(((v.value, v.unit), field, v.span))
        });
        let Some(((value, value_unit), field, span)) = in_value else {
            continue;
        };
        let (in_name, unit) = (n.value, n.unit);
        if value != in_name {
            out.add(
                Severity::Error,
                r.path(form, field),
                Kind::NameNumberDiffers {
                    in_name,
                    in_value: value,
                    unit,
                    value_unit,
                },
            )
            .at_number(field, span);
        }
    }
}

/// V11: the value cell holds only the value; subject words belong in the 三级 name.
pub fn v11_value_only(ctx: &Ctx, out: &mut Out) {
    let changes = WordSet::new(CHANGE_WORDS);
    let mut per_text = PerText::new(ctx);
    for (form, r) in filled_rows(ctx) {
        if !r.level3.is_empty() {
            let from = out.len();
            per_text.check(
                out,
                r.path(form, RowField::Value),
                &r.value,
                &mut |out, path, value| subject_in_value(out, path, value, &changes),
            );
            // Keeping only the value is one click when the name says what the subject measures
            // (its last two chars: "群众满意度" under "服务对象满意度"); else that would be lost
            // ("提供统计分析报告≥12篇" under "为党委政府决策提供统计服务"), and the subject belongs
            // in the name first.
            out.fix_from(from, |found| match &*found.kind {
                Kind::SubjectInValue { subject, core } if names_measure(&r.level3, subject) => {
                    Some(Fix::Set {
                        path: found.path,
                        text: core.to_string(),
                    })
                }
                _ => None,
            });
        }
    }
}

/// Whether a 三级 name holds the last two chars of a subject: what it measures.
fn names_measure(name: &str, subject: &str) -> bool {
    let tail = subject.char_indices().rev().nth(1).map_or(0, |(k, _)| k);
    text::has(name, &subject[tail..])
}

/// Words that make a number a change against a base, not a level.
pub(crate) const CHANGE_WORDS: &[Word] = words![
    "较",
    "比上年",
    "比去年",
    "同比",
    "环比",
    "增长",
    "增加",
    "减少",
    "下降",
    "降低",
    "提高",
    "提升"
];

/// V11 on one value text: a subject before a single quantity ("群众满意度≥95%").
fn subject_in_value(out: &mut Out, path: Path, value: &Reading, changes: &WordSet) {
    if value.quantities.len() != 1 {
        return;
    }
    let q = &value.quantities[0];
    // The words before a unit price say what it is per ("每个基地不超过25万元"): the bare
    // number would lose that.
    if q.role == Role::PerUnit {
        return;
    }
    let chars = value.folded.chars();
    let first_sign = value
        .signs
        .iter()
        .find(|s| !s.suffix && s.span.end <= q.span.start);
    let start = first_sign.map_or(q.span.start, |s| s.span.start);
    // After the number: nothing, or 以上/以下/以内 (full stops and spaces aside).
    let mut tail = chars[q.span.end..]
        .iter()
        .filter(|c| !matches!(c, '。' | '.' | ' ' | '；'));
    match (tail.next(), tail.next(), tail.next()) {
        (None, _, _) | (Some('以'), Some('上' | '下' | '内'), None) => {}
        _ => return,
    }
    // Before it: the subject, without whitespace around it or a trailing "：", "为", "达到".
    let mut subject = &chars[..start];
    while let [first, rest @ ..] = subject {
        if !first.is_whitespace() {
            break;
        }
        subject = rest;
    }
    while let [rest @ .., last] = subject {
        if !last.is_whitespace() {
            break;
        }
        subject = rest;
    }
    while let [rest @ .., '：' | ':' | '为' | '达' | '到'] = subject {
        subject = rest;
    }
    let subject_chars = subject.len();
    if subject_chars < 4 {
        return;
    }
    // A year before a month or a day ("2023年3月") is part of a date, not a subject.
    if let [.., digit, '年'] = subject {
        if text::is_digit(*digit) {
            return;
        }
    }
    // A change against a base ("较上年下降≥5%") is part of the value: without it the number
    // says another thing.
    if (0..subject_chars).any(|i| changes.first_at(subject, i).is_some()) {
        return;
    }
    let subject_set = CharSet::of(subject);
    let subject = text::string_of(subject);
    // Searched only for the fillers whose first char the subject may hold (removing fillers
    // adds no char); most subjects hold none and need no copy.
    let mut bare = Cow::Borrowed(subject.as_str());
    for filler in [
        "全年", "预计", "计划", "年度", "每年", "合计", "共计", "力争", "确保", "实现", "完成",
        "达到", "约", "共",
    ] {
        let first = filler.chars().next().unwrap_or_default();
        if subject_set.may_hold(first) && text::has(&bare, filler) {
            bare = Cow::Owned(bare.replace(filler, ""));
        }
    }
    if bare.chars().count() < 2 {
        return;
    }
    let sign = match first_sign
        .map(|s| s.kind)
        .or_else(|| value.signs.iter().find(|s| s.suffix).map(|s| s.kind))
    {
        Some(SignKind::AtLeast) => "≥",
        Some(SignKind::AtMost) => "≤",
        Some(SignKind::Equal) => "=",
        Some(SignKind::Greater) => ">",
        Some(SignKind::Less) => "<",
        None => "",
    };
    let core = format!("{sign}{}{}", crate::check::kind::num(&q.value), q.unit);
    out.add(
        Severity::Warning,
        path,
        Kind::SubjectInValue {
            subject: subject.into(),
            core: core.as_str().into(),
        },
    )
    .at(crate::text::Span::new(0, subject_chars));
}

/// V12: units come from the known list, written the standard way (M → 米, ㎡ → 平方米).
pub fn v12_known_units(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            let typed = r.row.unit.trim();
            if typed.is_empty() {
                continue;
            }
            let path = r.path(f.form, RowField::Unit);
            let standard = text::normalise_unit(typed);
            if standard != typed && text::is_known_unit(&standard) {
                out.add(
                    Severity::Warning,
                    path,
                    Kind::NonstandardUnit {
                        unit: typed.into(),
                        standard: standard.clone(),
                    },
                )
                .fix(Fix::Set {
                    path,
                    text: standard,
                });
            } else if !text::is_known_unit(&standard) {
                out.add(
                    Severity::Warning,
                    path,
                    Kind::UnknownUnit { unit: typed.into() },
                );
            }
        }
    }
}

/// What a rate names when less of it is better: something to avoid (the words before 率).
const LOWER_IS_BETTER: [&str; 24] = [
    "发生",
    "投诉",
    "差错",
    "错误",
    "失误",
    "故障",
    "事故",
    "失业",
    "死亡",
    "发病",
    "感染",
    "损耗",
    "流失",
    "辍学",
    "不合格",
    "超标",
    "逾期",
    "返工",
    "空置",
    "误差",
    "漏报",
    "误报",
    "复发",
    "违规",
];

/// The thing to avoid whose rate a name holds ("安全事故发生率" → "发生").
fn lower_is_better(name: &str) -> Option<&'static str> {
    name.match_indices('率').find_map(|(at, _)| {
        let before = &name[..at];
        LOWER_IS_BETTER.into_iter().find(|w| before.ends_with(w))
    })
}

/// V13: 指标方向性 agrees with the sign (≥ 正向, ≤ 反向); without a direction column, a rate of
/// something to avoid ("投诉率", "事故发生率") is 反向, so "≥" states the opposite of the aim.
pub fn v13_direction(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            if let Some(dir) = r.row.direction {
                let Some(sign) = r.row.sign else { continue };
                let disagree = matches!(
                    (sign, dir),
                    (Sign::AtLeast, Direction::Negative) | (Sign::AtMost, Direction::Positive)
                );
                if disagree {
                    out.add(
                        Severity::Info,
                        r.path(f.form, RowField::Direction),
                        Kind::DirectionDisagrees {
                            sign: sign.label(),
                            direction: dir.label(),
                        },
                    );
                }
                continue;
            }
            // Most names hold no 率: their char set says so at once.
            if !r.name.folded.char_set().may_hold('率') {
                continue;
            }
            let Some(avoided) = lower_is_better(&r.level3) else {
                continue;
            };
            // A target of bringing it down ("事故发生率下降幅度" ≥10%, "重复投诉率" 较上年下降≥5%,
            // 降低, 压降, 减少, 减幅 …).
            if ["降", "减"]
                .iter()
                .any(|w| r.name.mentions(w) || r.value.mentions(w))
            {
                continue;
            }
            let kind = || Kind::LowerIsBetter { avoided };
            if r.row.sign == Some(Sign::AtLeast) {
                let path = r.path(f.form, RowField::Sign);
                out.add(Severity::Warning, path, kind()).fix(Fix::Set {
                    path,
                    text: "≤".into(),
                });
                continue;
            }
            let Some(s) = r.value.signs.first() else {
                continue;
            };
            if s.kind == SignKind::AtLeast {
                let path = r.path(f.form, RowField::Value);
                let found = out.add(Severity::Warning, path, kind()).at(s.span);
                // A symbol or the suffix 以上 has one plain opposite; a word before the number
                // ("不低于") is left to the writer.
                let opposite = if s.suffix { "以下" } else { "≤" };
                if s.suffix || !s.word {
                    found.fix(replace(path, &r.value, s.span, opposite));
                }
            }
        }
    }
}
