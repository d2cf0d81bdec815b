//! S — scores and weights, only where rows carry 权重: they add up to 100 (or 90 with 预算执行率
//! scored apart), split across 一级 as the profile says, and no score exceeds its weight.
//! Source: 财预〔2020〕10号 and Sichuan practice (产出50 / 效益30 / 满意度10 / 预算执行率10).

use crate::check::context::{Ctx, FormCtx};
use crate::check::{Kind, Out, Severity};
use crate::model::framework::{BENEFIT, COST, OUTPUT, SATISFACTION};
use crate::model::money::sum_exact;
use crate::model::{Grid, Path, RowField};
use crate::text;
use rust_decimal::Decimal;

fn weighted<'a>(
    f: &'a FormCtx<'a>,
) -> impl Iterator<Item = (&'a crate::check::context::RowCtx<'a>, Decimal)> {
    f.annual()
        .filter_map(|r| r.row.weight.value().map(|w| (r, w.0)))
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
    for f in &ctx.forms {
        let weights: Vec<Decimal> = weighted(f).map(|(_, w)| w).collect();
        if weights.is_empty() {
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
        if weighted(f).next().is_none() {
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
            if let (Some(score), Some(weight)) = (r.row.score.value(), r.row.weight.value()) {
                if score.0 > weight.0 {
                    out.add(
                        Severity::Error,
                        r.path(f.form, RowField::Score),
                        Kind::ScoreExceedsWeight {
                            score: score.0,
                            weight: weight.0,
                        },
                    );
                }
            }
        }
    }
}
