//! Y — year and time: every form carries the budget year; timing indicators name it; cross-year
//! projects keep an annual target and budget apart from the whole period's.
//! Source: 财预〔2011〕285号 填报说明.

use super::money::{amount_of, cost_amount};
use super::{replace, PerText};
use crate::check::context::{parse_year, Category, Ctx, Reading, RowCtx};
use crate::check::{Fix, Kind, Out, Severity};
use crate::model::money::{round_cents, sum_exact};
use crate::model::{Field, FormRef, Grid, Path, ProjectForm, RowField};
use crate::text;
use std::ops::RangeInclusive;

/// Y1: every form carries the declaration's budget year.
pub fn y1_form_years(ctx: &Ctx, out: &mut Out) {
    if !ctx.d.year.trim().is_empty() && parse_year(&ctx.d.year).is_none() {
        out.add(
            Severity::Error,
            Path::DeclarationYear,
            Kind::YearDiffers {
                form_year: ctx.d.year.clone(),
                budget_year: "（未能识别）".into(),
            },
        );
    }
    let Some(by) = ctx.budget_year else { return };
    for (form, year) in ctx.d.header_of_every_form(|o| &o.year, |p| &p.year) {
        if parse_year(year) != Some(by) {
            let path = Path::Field(form, Field::Year);
            out.add(
                Severity::Error,
                path,
                Kind::YearDiffers {
                    form_year: year.clone(),
                    budget_year: by.to_string(),
                },
            )
            .fix(Fix::Set {
                path,
                text: by.to_string(),
            });
        }
    }
}

/// Y2: timing indicators and 项目起止时间 name the budget year.
pub fn y2_timing_names_budget_year(ctx: &Ctx, out: &mut Out) {
    let Some(by) = ctx.budget_year else { return };
    let mut per_text = PerText::new(ctx);
    for f in &ctx.forms {
        for r in f.annual().filter(|r| r.category == Category::Timeliness) {
            let path = r.path(f.form, RowField::Value);
            per_text.check(out, path, &r.value, &mut |out, path, value| {
                timing_names_year(out, path, value, by)
            });
        }
        if let Some(p) = f.project {
            let years: Vec<u32> = text::years(&f.period.folded)
                .iter()
                .map(|y| y.year)
                .collect();
            if let (Some(&lo), Some(&hi)) = (years.iter().min(), years.iter().max()) {
                if !(lo..=hi).contains(&by) {
                    out.add(
                        Severity::Error,
                        Path::Field(f.form, Field::Period),
                        Kind::PeriodMissesYear {
                            period: p.period.trim().to_string(),
                            budget_year: by,
                        },
                    );
                }
                let long_term_timing = (f.rows.iter())
                    .filter(|r| r.grid == Grid::LongTerm && r.category == Category::Timeliness);
                for r in long_term_timing {
                    timing_within_period(out, r.path(f.form, RowField::Value), r, lo..=hi, p);
                }
            }
        }
    }
}

/// Y2 on one timing value: each year it names is the budget year, or the end of a period that
/// starts in it (a warning of its own). An earlier year alone is last year's date (an error); one
/// beside the budget year is what is done by then ("2023年底前完成2022年度资金清算"). A later
/// year is a deadline past the budget year (a warning, as a period running past it is).
fn timing_names_year(out: &mut Out, path: Path, value: &Reading, by: u32) {
    let years = text::years(&value.folded);
    let names_budget_year = years.iter().any(|y| y.year == by);
    let periods = text::periods_from(&value.folded, &years);
    for p in &periods {
        if p.start.0 == by && p.end.0 > by {
            out.add(
                Severity::Warning,
                path,
                Kind::PeriodRunsPastYear {
                    end_year: p.end.0,
                    end_month: p.end.1,
                    budget_year: by,
                },
            )
            .at(p.span);
        }
    }
    for y in years {
        let in_running_period = periods.iter().any(|p| {
            p.start.0 == by
                && p.end.0 == y.year
                && y.span.start >= p.span.start
                && y.span.end <= p.span.end
        });
        if y.year == by || in_running_period || (y.year < by && names_budget_year) {
            continue;
        }
        let kind = Kind::TimingNamesOtherYear {
            year: y.year,
            budget_year: by,
        };
        if y.year > by {
            // Moving a deadline back a year is no clear fix.
            out.add(Severity::Warning, path, kind).at(y.span);
            continue;
        }
        let with = if value.folded.slice(y.span).ends_with('年') {
            format!("{by}年")
        } else {
            by.to_string()
        };
        out.add(Severity::Error, path, kind)
            .at(y.span)
            .fix(replace(path, value, y.span, &with));
    }
}

/// Y2 on a long-term timing value: the years it names lie within the project's period
/// (项目起止时间 2025–2027, "2028年6月前" is past it). A year outside beside one within is what
/// is done by then, as in the annual grid.
fn timing_within_period(
    out: &mut Out,
    path: Path,
    r: &RowCtx,
    period: RangeInclusive<u32>,
    p: &ProjectForm,
) {
    let years = text::years(&r.value.folded);
    let names_one_within = years.iter().any(|y| period.contains(&y.year));
    for y in years.iter().filter(|y| !period.contains(&y.year)) {
        if y.year < *period.start() && names_one_within {
            continue;
        }
        out.add(
            Severity::Warning,
            path,
            Kind::LongTermTimingOutsidePeriod {
                year: y.year,
                period: p.period.trim().to_string(),
            },
        )
        .at(y.span);
    }
}

/// Y3: a project whose period spans years has a whole-period target distinct from the annual one.
pub fn y3_cross_year_targets(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let Some(p) = f.project else { continue };
        let years: Vec<u32> = text::years(&f.period.folded)
            .iter()
            .map(|y| y.year)
            .collect();
        let spans_years =
            matches!((years.iter().min(), years.iter().max()), (Some(a), Some(b)) if a < b);
        if !spans_years {
            continue;
        }
        let form = FormRef::Project(p.id);
        if p.long_term_target.trim().is_empty() {
            out.add(
                Severity::Warning,
                Path::Field(form, Field::LongTermTarget),
                Kind::MultiYearWithoutLongTermTarget {
                    period: p.period.trim().to_string(),
                },
            );
        } else if crate::check::context::same_name(&p.long_term_target, &p.annual_target) {
            out.add(
                Severity::Warning,
                Path::Field(form, Field::LongTermTarget),
                Kind::LongTermTargetSameAsAnnual,
            );
        }
        // The annual budget is the budget year's part of the whole period's money, as the
        // long-term cost rows state it.
        let long_term_costs = (f.rows.iter())
            .filter(|r| r.grid == Grid::LongTerm && r.costs_money())
            .filter_map(cost_amount);
        let whole = sum_exact(long_term_costs).filter(|w| !w.is_zero());
        if let (Some(whole), Some(annual)) = (whole, amount_of(&p.total)) {
            if round_cents(annual) >= round_cents(whole) {
                out.add(
                    Severity::Warning,
                    Path::Field(form, Field::Total),
                    Kind::AnnualBudgetNotPart { annual, whole },
                );
            }
        }
    }
}

/// Y4: an annual target (or the overall form's tasks) that opens with an earlier year and never
/// names the budget year is likely last year's, copied ("2026年改造老旧小区42个" in a 2027
/// declaration). An earlier year further on is background ("全市于2020年启动了…"). Info: a
/// target may also open with what an earlier year did.
pub fn y4_target_of_an_earlier_year(ctx: &Ctx, out: &mut Out) {
    let Some(by) = ctx.budget_year else { return };
    for f in &ctx.forms {
        let years = text::years(&f.target.folded);
        let opens_with = |y: &&text::YearMention| y.span.start <= 2;
        if let Some(first) = (years.first())
            .filter(opens_with)
            .filter(|_| years.iter().all(|y| y.year < by))
        {
            out.add(
                Severity::Info,
                Path::Field(f.form, f.target_field),
                Kind::TargetNamesEarlierYearOnly {
                    field: f.target_field.label_on(f.form),
                    year: first.year,
                    budget_year: by,
                },
            )
            .at(first.span);
        }
    }
}
