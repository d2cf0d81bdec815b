//! S — scores and weights, only where rows carry 权重: they add up to 100 (or 90 with 预算执行率
//! scored apart), split across 一级 as the profile says, and no score exceeds its weight.
//! Source: 财预〔2020〕10号 and Sichuan practice (产出50 / 效益30 / 满意度10 / 预算执行率10).

use crate::check::context::{Ctx, FormCtx};
use crate::check::{Fix, Kind, Out, Severity};
use crate::model::framework::{BENEFIT, COST, OUTPUT, SATISFACTION};
use crate::model::money::sum_exact;
use crate::model::{Cell, Grid, NumberCell, Path, RowField};
use crate::text;
use rust_decimal::Decimal;

/// A weight or score as a cell holds it: a number, or text that is a number with 分 or % after it
/// ("10分", "10%": points of 100 either way).
fn points(cell: &NumberCell) -> Points {
    match cell {
        Cell::Blank => Points::Blank,
        Cell::Value(n) => Points::Number(n.0),
        Cell::Text(t) => match text::lone_quantity(t) {
            Some(q) if matches!(q.unit, "分" | "%") => Points::WithUnit(q.value),
            _ => Points::NotNumber,
        },
    }
}

/// What [`points`] reads.
#[derive(Clone, Copy, PartialEq)]
enum Points {
    Blank,
    Number(Decimal),
    WithUnit(Decimal),
    NotNumber,
}

impl Points {
    fn value(self) -> Option<Decimal> {
        match self {
            Points::Number(n) | Points::WithUnit(n) => Some(n),
            Points::Blank | Points::NotNumber => None,
        }
    }
}

fn weighted<'a>(
    f: &'a FormCtx<'a>,
) -> impl Iterator<Item = (&'a crate::check::context::RowCtx<'a>, Decimal)> {
    f.annual()
        .filter_map(|r| points(&r.row.weight).value().map(|w| (r, w)))
}

/// Whether every annual weight of a form is a number (else no sum of them can be judged: the
/// cell that is not says why).
fn weights_readable(f: &FormCtx) -> bool {
    f.annual()
        .all(|r| points(&r.row.weight) != Points::NotNumber)
}

/// S1 on each weight and score cell: a number with 分 or % is read, with a warning and the bare
/// number as the fix; other text is an error.
fn read_points(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            for (field, cell) in [
                (RowField::Weight, &r.row.weight),
                (RowField::Score, &r.row.score),
            ] {
                // Most cells are blank or a number: nothing to say of them.
                if !matches!(cell, Cell::Text(_)) {
                    continue;
                }
                let path = r.path(f.form, field);
                let text = || cell.to_text().trim().to_string();
                match points(cell) {
                    Points::WithUnit(value) => {
                        out.add(
                            Severity::Warning,
                            path,
                            // Points of 100 either way: the unit need not move anywhere.
                            Kind::NumberWithUnit {
                                field: field.label(),
                                text: text(),
                                number: value,
                                unit: "",
                                unit_column: true,
                            },
                        )
                        .fix(Fix::Set {
                            path,
                            text: crate::check::kind::num(&value),
                        });
                    }
                    Points::NotNumber => {
                        out.add(
                            Severity::Error,
                            path,
                            Kind::PointsNotNumber {
                                field: field.label(),
                                text: text(),
                            },
                        );
                    }
                    Points::Blank | Points::Number(_) => {}
                }
            }
        }
    }
}

fn has_execution_row(f: &FormCtx) -> bool {
    f.annual().any(|r| {
        r.name.mentions("执行率")
            || text::has(&r.row.level1, "执行率")
            || text::has(&r.row.level2, "执行率")
    })
}

/// S1: weights add up to 100, or 90 when 预算执行率 is scored separately.
pub fn s1_weights_total(ctx: &Ctx, out: &mut Out) {
    read_points(ctx, out);
    for f in &ctx.forms {
        let weights: Vec<Decimal> = weighted(f).map(|(_, w)| w).collect();
        if weights.is_empty() || !weights_readable(f) {
            continue;
        }
        let Some(sum) = sum_exact(weights) else {
            continue;
        };
        let execution = has_execution_row(f);
        let ok = sum == Decimal::from(100) || (!execution && sum == Decimal::from(90));
        if !ok {
            let separate = !execution && sum < Decimal::from(95);
            out.add(
                Severity::Error,
                Path::Grid(f.form, Grid::Annual),
                Kind::WeightsDontAdd {
                    sum,
                    expected: Decimal::from(if separate { 90 } else { 100 }),
                    separate_execution: separate,
                },
            );
        }
    }
}

/// S2: the per-一级 split of weights matches the profile (产出 50 / 效益 30 / 满意度 10 / 执行率 10).
pub fn s2_weight_split(ctx: &Ctx, out: &mut Out) {
    let [output, benefit, satisfaction, _execution] = ctx.profile.weight_split;
    for f in ctx.projects() {
        if weighted(f).next().is_none() || !weights_readable(f) {
            continue;
        }
        for (l1s, expected, shown) in [
            (&[OUTPUT, COST][..], output, OUTPUT),
            (&[BENEFIT][..], benefit, BENEFIT),
            (&[SATISFACTION][..], satisfaction, SATISFACTION),
        ] {
            let Some(sum) = sum_exact(
                weighted(f)
                    .filter(|(r, _)| l1s.contains(&&*r.l1))
                    .map(|(_, w)| w),
            ) else {
                continue;
            };
            if sum != Decimal::from(expected) {
                out.add(
                    Severity::Warning,
                    Path::Grid(f.form, Grid::Annual),
                    Kind::WeightSplitDiffers {
                        level1: shown,
                        sum,
                        expected,
                    },
                );
            }
        }
    }
}

/// S3: no row's score exceeds its weight.
pub fn s3_score_within_weight(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            if let (Some(score), Some(weight)) =
                (points(&r.row.score).value(), points(&r.row.weight).value())
            {
                if score > weight {
                    out.add(
                        Severity::Error,
                        r.path(f.form, RowField::Score),
                        Kind::ScoreExceedsWeight { score, weight },
                    );
                }
            }
        }
    }
}
