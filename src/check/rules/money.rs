//! M — money, in exact decimals compared in units of 0.01 万元: amount cells, the sums of both
//! forms, amounts repeated in text, the cost indicators, unit price × quantity (in one cell, and
//! across rows against the total), itemised lists.
//! Source: 财预〔2011〕285号 (资金总额 = 财政拨款 + 其他资金), 财预〔2021〕101号 (成本指标).

use super::category::cost_only_percent;
use super::replace;
use crate::check::context::{Category, Ctx, Reading, RowCtx};
use crate::check::{Fix, Kind, Out, Severity};
use crate::model::money::{quotient, round_cents as cents, sum_exact, text_of};
use crate::model::{Amount, Cell, Field, FormRef, Path, RowField};
use crate::text::{self, Folded, Quantity, Role};
use rust_decimal::Decimal;

fn two_dp(d: Decimal) -> String {
    text_of(cents(d))
}

/// The amount a cell states in 万元, reading "250万" leniently; `None` when blank or unreadable.
pub fn amount_of(cell: &Amount) -> Option<Decimal> {
    match cell {
        Cell::Blank => None,
        Cell::Value(m) => Some(m.decimal()),
        Cell::Text(t) => single_money(t).map(|(w, _)| w),
    }
}

/// A text that is one amount of money and nothing else: ("250万" → 250, "万").
fn single_money(t: &str) -> Option<(Decimal, &'static str)> {
    let f = Folded::new(t.trim());
    let qs = text::quantities(&f);
    let [q] = qs.as_slice() else { return None };
    let rest: String = f
        .chars()
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < q.span.start || *i >= q.span.end)
        .map(|(_, c)| *c)
        .collect();
    (rest.trim().is_empty() && !q.value.is_sign_negative()).then_some(())?;
    Some((q.money_wan()?, q.unit))
}

fn amount_cells<'a>(ctx: &Ctx<'a>) -> Vec<(Path, &'a Amount)> {
    let o = &ctx.d.overall;
    let f = FormRef::Overall;
    let mut cells = vec![
        (Path::Field(f, Field::Total), &o.total),
        (Path::Field(f, Field::Personnel), &o.personnel),
        (Path::Field(f, Field::Operating), &o.operating),
        (Path::Field(f, Field::ProjectFunds), &o.project_funds),
    ];
    for p in &ctx.d.projects {
        let f = FormRef::Project(p.id);
        cells.extend([
            (Path::Field(f, Field::Total), &p.total),
            (Path::Field(f, Field::Appropriation), &p.appropriation),
            (Path::Field(f, Field::OtherFunds), &p.other_funds),
            (Path::Field(f, Field::Carryover), &p.carryover),
        ]);
    }
    cells
}

/// M1: an amount cell holds a number in 万元 with at most two decimals.
pub fn m1_amount_cells(ctx: &Ctx, out: &mut Out) {
    for (path, cell) in amount_cells(ctx) {
        match cell {
            Cell::Blank => {}
            Cell::Value(m) => {
                if m.scale() > 2 {
                    out.add(
                        Severity::Warning,
                        path,
                        Kind::TooManyDecimals {
                            text: text_of(m.decimal()),
                        },
                    )
                    .fix(Fix::Set {
                        path,
                        text: two_dp(m.decimal()),
                    });
                }
            }
            // "无" or "/" where a project has no other funds or nothing carried over: what the
            // sums read as 0, and a reviewer too.
            Cell::Text(t)
                if text::marks_not_applicable(t)
                    && matches!(path, Path::Field(_, Field::OtherFunds | Field::Carryover)) =>
            {
                out.add(
                    Severity::Info,
                    path,
                    Kind::AmountNotApplicable {
                        text: t.trim().into(),
                    },
                )
                .fix(Fix::Set {
                    path,
                    text: "0.00".into(),
                });
            }
            Cell::Text(t) => match single_money(t) {
                Some((w, "万" | "万元")) => {
                    out.add(
                        Severity::Warning,
                        path,
                        Kind::AmountRepeatsUnit {
                            text: t.trim().into(),
                            value: two_dp(w),
                        },
                    )
                    .fix(Fix::Set {
                        path,
                        text: two_dp(w),
                    });
                }
                Some((w, unit)) => {
                    out.add(
                        Severity::Error,
                        path,
                        Kind::AmountWrongUnit {
                            text: t.trim().into(),
                            unit: unit.into(),
                            wan: w,
                        },
                    )
                    .fix(Fix::Set {
                        path,
                        text: crate::check::kind::num(&w),
                    });
                }
                None => {
                    out.add(
                        Severity::Error,
                        path,
                        Kind::AmountNotNumber {
                            text: t.trim().into(),
                            problem: cell.problem().unwrap_or_default(),
                        },
                    );
                }
            },
        }
    }
}

/// M3: a project's 年度资金总额 = 财政拨款 + 其他资金 (+ 上年结转); blank sources count as 0.
pub fn m3_project_sources(ctx: &Ctx, out: &mut Out) {
    for p in ctx.projects().filter_map(|f| f.project) {
        let (Some(total), Some(appropriation)) = (amount_of(&p.total), amount_of(&p.appropriation))
        else {
            continue;
        };
        let other = amount_of(&p.other_funds).unwrap_or_default();
        let carryover = amount_of(&p.carryover).unwrap_or_default();
        let Some(sum) = sum_exact([appropriation, other, carryover]) else {
            continue;
        };
        if cents(sum) != cents(total) {
            let path = Path::Field(FormRef::Project(p.id), Field::Total);
            out.add(
                Severity::Error,
                path,
                Kind::ProjectSourcesDontAdd {
                    total,
                    appropriation,
                    other,
                    carryover,
                    sum,
                },
            )
            .fix(Fix::Set {
                path,
                text: two_dp(sum),
            });
        }
    }
}

/// M4: 年度财政拨款资金总额 = 人员经费 + 公用经费 + 项目经费.
pub fn m4_overall_parts(ctx: &Ctx, out: &mut Out) {
    let o = &ctx.d.overall;
    let (Some(total), Some(personnel), Some(operating), Some(projects)) = (
        amount_of(&o.total),
        amount_of(&o.personnel),
        amount_of(&o.operating),
        amount_of(&o.project_funds),
    ) else {
        return;
    };
    let Some(sum) = sum_exact([personnel, operating, projects]) else {
        return;
    };
    if cents(sum) != cents(total) {
        let path = Path::Field(FormRef::Overall, Field::Total);
        out.add(
            Severity::Error,
            path,
            Kind::OverallPartsDontAdd {
                total,
                personnel,
                operating,
                projects,
                sum,
            },
        )
        .fix(Fix::Set {
            path,
            text: two_dp(sum),
        });
    }
}

/// M5: 项目经费 = the sum of the project forms' 年度资金总额 (a warning when the set is marked incomplete).
pub fn m5_project_funds(ctx: &Ctx, out: &mut Out) {
    if ctx.d.projects.is_empty() {
        return;
    }
    let Some(stated) = amount_of(&ctx.d.overall.project_funds) else {
        return;
    };
    let totals: Option<Vec<Decimal>> = ctx.d.projects.iter().map(|p| amount_of(&p.total)).collect();
    let Some(totals) = totals else { return };
    let Some(sum) = sum_exact(totals.iter().copied()) else {
        return;
    };
    if cents(sum) != cents(stated) {
        let path = Path::Field(FormRef::Overall, Field::ProjectFunds);
        let complete = ctx.profile.project_set_complete;
        let f = out.add(
            if complete {
                Severity::Error
            } else {
                Severity::Warning
            },
            path,
            Kind::ProjectFundsDiffer {
                stated,
                sum,
                count: totals.len(),
            },
        );
        if complete {
            f.fix(Fix::Set {
                path,
                text: two_dp(sum),
            });
        }
    }
}

/// M6: a stated number of projects ("申报6个项目") equals the number of project forms.
pub fn m6_project_count(ctx: &Ctx, out: &mut Out) {
    let Some(o) = ctx.overall() else { return };
    let texts = std::iter::once((Path::Field(FormRef::Overall, Field::Tasks), &o.target)).chain(
        o.rows
            .iter()
            .map(|r| (r.path(FormRef::Overall, RowField::Value), &r.value)),
    );
    for (path, reading) in texts {
        for q in &reading.quantities {
            // 项目 itself, or followed by a particle ("6个项目的绩效目标", "2个项目均已完成"):
            // not a word made of it (项目库, 项目点).
            let noun = reading.folded.span(q.noun);
            if matches!(q.unit, "个" | "项")
                && q.role == Role::Plain
                && noun.starts_with(&['项', '目'])
                && matches!(
                    noun.get(2),
                    None | Some('的' | '和' | '及' | '与' | '等' | '表' | '共' | '均')
                )
            {
                let forms = ctx.d.projects.len();
                if q.value != Decimal::from(forms) {
                    let sev = if ctx.profile.project_set_complete {
                        Severity::Error
                    } else {
                        Severity::Info
                    };
                    out.add(
                        sev,
                        path,
                        Kind::ProjectCountDiffers {
                            stated: q.value,
                            forms,
                        },
                    )
                    .at(q.span);
                }
            }
        }
    }
}

/// The header amounts a form's text may name: the word that names one, the header it is in (the
/// same but for the words budgets use), and the amount.
fn labelled_amounts(
    ctx: &Ctx,
    form: FormRef,
) -> Vec<(&'static str, &'static str, Option<Decimal>)> {
    match form {
        FormRef::Overall => {
            let o = &ctx.d.overall;
            vec![
                ("人员经费", "人员经费", amount_of(&o.personnel)),
                ("公用经费", "公用经费", amount_of(&o.operating)),
                ("项目经费", "项目经费", amount_of(&o.project_funds)),
                ("财政拨款资金总额", "财政拨款资金总额", amount_of(&o.total)),
                // As budgets name them: 基本支出 is 人员经费 + 公用经费, 项目支出 the 项目经费.
                ("项目支出", "项目经费", amount_of(&o.project_funds)),
                (
                    "基本支出",
                    "人员经费与公用经费合计",
                    amount_of(&o.personnel)
                        .zip(amount_of(&o.operating))
                        .and_then(|(a, b)| sum_exact([a, b])),
                ),
            ]
        }
        FormRef::Project(id) => {
            let Some(p) = ctx.d.project(id) else {
                return vec![];
            };
            vec![
                ("财政拨款", "财政拨款", amount_of(&p.appropriation)),
                ("其他资金", "其他资金", amount_of(&p.other_funds)),
                ("上年结转", "上年结转", amount_of(&p.carryover)),
                ("资金总额", "资金总额", amount_of(&p.total)),
            ]
        }
    }
}

/// M7: an amount named in text ("公用经费104.51万元") equals the header field it names.
pub fn m7_text_amounts(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        let labels = labelled_amounts(ctx, f.form);
        let texts = std::iter::once((Path::Field(f.form, f.target_field), &f.target)).chain(
            f.rows
                .iter()
                .map(|r| (r.path(f.form, RowField::Value), &r.value)),
        );
        // Only money can differ from a header field: most texts state none.
        for (path, reading) in texts.filter(|(_, r)| r.quantities.iter().any(|q| q.is_money())) {
            for (label, header, field) in &labels {
                let Some(field) = field else { continue };
                if !reading.mentions(label) {
                    continue;
                }
                for at in super::char_spans(reading.raw, label) {
                    // The first money within a few chars after the label, with no clause break between.
                    let Some(q) = reading
                        .quantities
                        .iter()
                        .find(|q| q.span.start >= at.end && q.span.start <= at.end + 6)
                    else {
                        continue;
                    };
                    let between: String = reading.folded.chars()[at.end..q.span.start]
                        .iter()
                        .collect();
                    if between.contains(['。', ',', ';'])
                        || (*label == "财政拨款" && between.contains('资'))
                    {
                        continue;
                    }
                    let Some(w) = q.money_wan() else { continue };
                    if cents(w) != cents(*field) {
                        out.add(
                            Severity::Error,
                            path,
                            Kind::TextAmountDiffers {
                                label,
                                header,
                                in_text: w,
                                in_field: *field,
                            },
                        )
                        .at(q.span)
                        .fix(replace(
                            path,
                            reading,
                            q.span,
                            &format!("{}万元", two_dp(*field)),
                        ));
                    }
                }
            }
        }
    }
}

/// The money a cost cell states towards the annual total: its last total if it has one, else the
/// sum of its plain amounts, unless the row's name makes them a unit cost (`unit_cost`). Its
/// parts are not added to it: amounts after 其中 ("≤240万元，其中中央资金100万元"), or an amount and
/// the amounts that add up to it ("≤240万元（中央100万元+省级140万元）").
fn stated_cost(reading: &Reading<'_>, unit_cost: impl Fn() -> bool) -> Option<Decimal> {
    if let Some(t) = reading.total_money() {
        return t.money_wan();
    }
    let parts_from = if reading.mentions("其中") {
        let chars = reading.folded.chars();
        chars.windows(2).position(|w| w == ['其', '中'])
    } else {
        None
    };
    let mut amounts: Vec<(usize, Decimal)> = reading
        .quantities
        .iter()
        .filter(|q| q.role == Role::Plain)
        .filter_map(|q| Some((q.span.start, q.money_wan()?)))
        .collect();
    if let Some(k) = parts_from.filter(|k| amounts.first().is_some_and(|a| a.0 < *k)) {
        amounts.retain(|a| a.0 < k);
    }
    if amounts.is_empty() || unit_cost() {
        return None;
    }
    let sum = sum_exact(amounts.iter().map(|a| a.1))?;
    // Two equal amounts are two items, not a whole and its one part.
    if amounts.len() >= 3 {
        if let Some(whole) = amounts
            .iter()
            .find(|a| text::times(a.1, Decimal::TWO) == Some(sum))
        {
            return Some(whole.1);
        }
    }
    Some(sum)
}

/// The money a row states in a number whose unit stands apart ([`RowCtx::number_apart`]: in the
/// number and unit columns, or in a value without a unit under a name that states it, "资助资金（万元）"
/// ≤240), in 万元, and whether it is a rate per unit ("元/人·年").
fn money_apart(r: &RowCtx) -> Option<(Decimal, bool)> {
    let (q, _) = r.number_apart()?;
    Some((q.money_wan()?, !q.per.is_empty() || q.role == Role::PerUnit))
}

/// The money a cost row states towards a total ([`stated_cost`]), in its value or in its number
/// and unit columns; none for a unit cost.
pub(crate) fn cost_amount(r: &RowCtx) -> Option<Decimal> {
    stated_cost(&r.value, || names_unit_cost(r)).or_else(|| {
        money_apart(r)
            .filter(|(_, per_unit)| !per_unit && !names_unit_cost(r))
            .map(|(wan, _)| wan)
    })
}

/// Whether a cost row's name makes its amount a cost per unit: "人均补助", "亩均建设成本",
/// "招聘会场均成本", "每个团队年度补助", "单价", "单台补贴额", "补助标准" (标准 at the end:
/// 标准化建设经费 is a total).
fn names_unit_cost(r: &RowCtx<'_>) -> bool {
    let unit = |c: char| text::is_known_unit(c.encode_utf8(&mut [0; 4]));
    let mut pairs = r.level3.chars().zip(r.level3.chars().skip(1));
    ["每", "生均", "平均", "单价", "单位成本"]
        .iter()
        .any(|w| r.name.mentions(w))
        || r.level3.ends_with("标准")
        // A measure word before 均 ("人均", "场均", "户均"), or after 单 ("单台（套）补贴额",
        // "单个项目补助").
        || pairs.any(|(a, b)| (b == '均' && unit(a)) || (a == '单' && unit(b)))
}

/// M8: the cost indicators state money; their total does not exceed the annual total and explains most of it.
pub fn m8_cost_states_money(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let Some(p) = f.project else { continue };
        let cost_rows: Vec<_> = f
            .annual()
            .filter(|r| r.costs_money() && r.filled())
            .collect();
        if cost_rows.is_empty() {
            continue;
        }
        // A unit cost ("800元/亩", "每个基地不超过25万元", "人均补助标准" 89元) states money too.
        let states_money = |r: &&RowCtx| {
            r.value.quantities.iter().any(|q| q.is_money()) || money_apart(r).is_some()
        };
        if !cost_rows.iter().any(states_money) {
            // A row that is only a percentage has C8's finding, in nearly these words: this one
            // goes on another row, or is not said twice.
            if let Some(r) = cost_rows.iter().find(|r| !cost_only_percent(r)) {
                out.add(
                    Severity::Warning,
                    r.path(f.form, RowField::Value),
                    Kind::CostStatesNoMoney,
                );
            }
            continue;
        }
        // Only totals and plain amounts add up towards the annual total. A unit cost
        // ("日常养护单位成本" ≤0.35万元/公里) explains money of its own that the sum does not know,
        // so beside one the share explained is not judged.
        let mut unit_costs = false;
        let stated: Vec<Decimal> = cost_rows
            .iter()
            .filter_map(|r| {
                let amount = cost_amount(r);
                unit_costs |= amount.is_none() && states_money(r);
                amount
            })
            .collect();
        if stated.is_empty() {
            continue;
        }
        let grid = crate::model::Path::Grid(f.form, crate::model::Grid::Annual);
        let Some(total) = amount_of(&p.total) else {
            continue;
        };
        let Some(sum) = sum_exact(stated.iter().copied()) else {
            continue;
        };
        if cents(sum) > cents(total) {
            out.add(
                Severity::Error,
                grid,
                Kind::CostExceedsTotal { stated: sum, total },
            );
        } else if !total.is_zero() && !unit_costs {
            let Some(percent) =
                text::times(sum, Decimal::from(100)).and_then(|x| quotient(x, total, 1, true))
            else {
                continue;
            };
            if percent < Decimal::from(ctx.profile.cost_explained_min_percent) {
                out.add(
                    Severity::Warning,
                    grid,
                    Kind::CostUnderExplained {
                        stated: sum,
                        total,
                        percent,
                        min: ctx.profile.cost_explained_min_percent,
                    },
                );
            }
        }
    }
}

/// M9: unit price × quantity = the stated total, where one cell (with its row name) or a target
/// text states all three, or a text writes the product out ("单价8万元×20座=160万元").
pub fn m9_price_times_quantity(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for (field, reading) in [
            (f.target_field, &f.target),
            (Field::LongTermTarget, &f.long_term_target),
        ] {
            let path = Path::Field(f.form, field);
            if !written_products(out, path, reading) {
                prices_in_target(out, path, reading);
            }
        }
        for r in &f.rows {
            let v = &r.value;
            let path = r.path(f.form, RowField::Value);
            if written_products(out, path, v) {
                continue;
            }
            let Some(price) = v
                .quantities
                .iter()
                .find(|q| q.role == Role::PerUnit && q.is_money() && q.per.len() <= 1)
            else {
                continue;
            };
            let Some(total) = v.total_money() else {
                continue;
            };
            // An itemised list is M10's to check.
            if prices_per_period(v) || text::items(&v.folded).len() > 1 {
                continue;
            }
            let count = text::counts(&v.quantities)
                .take_while(|q| q.span.start < price.span.start)
                .last()
                .or_else(|| text::counts(&r.name.quantities).next());
            if let Some(count) = count {
                price_times_count(out, path, price, count, total);
            }
        }
    }
}

/// M9 in a target text ("完成数字化40万页，单价每页1.5元，合计60万元"): its one price, the total
/// that is the next money after it, and the one count in the price's unit. A target states many
/// things, so only a price that plain is taken.
fn prices_in_target(out: &mut Out, path: Path, t: &Reading) {
    let qs = &t.quantities;
    let mut prices =
        (qs.iter().enumerate()).filter(|(_, q)| q.role == Role::PerUnit && q.is_money());
    let (Some((k, price)), None) = (prices.next(), prices.next()) else {
        return;
    };
    let Some(total) = qs[k + 1..].iter().find(|q| q.is_money()) else {
        return;
    };
    let Some((per, _)) = text::per_unit(&t.folded, price) else {
        return;
    };
    // As in a cell: one unit after the slash, and no period besides.
    if price.per.len() > 1 || prices_per_period(t) {
        return;
    }
    let mut of_unit = text::counts(qs).filter(|q| text::same_unit(q.unit, per));
    if let (Role::Total, Some(count), None) = (total.role, of_unit.next(), of_unit.next()) {
        price_times_count(out, path, price, count, total);
    }
}

/// Whether a text prices per a month, quarter, week or day ("每人每月补助5000元"): such a price
/// times one count is not the total, the periods are a count of their own (a product of three,
/// which M9 does not read; as it does not read a price per two units, "1000元/人/年").
fn prices_per_period(t: &Reading) -> bool {
    ["每月", "每季", "每周", "每天", "每日"]
        .iter()
        .any(|w| t.mentions(w))
}

/// M9 on the products a text writes out, a price times a count (or a time: "5元×200天"). True
/// when the text writes one, right or wrong.
fn written_products(out: &mut Out, path: Path, text: &Reading) -> bool {
    let qs = &text.quantities;
    let products = text::products(&text.folded, qs);
    for [a, b, total] in &products {
        let (price, count) = if qs[*a].is_money() { (a, b) } else { (b, a) };
        if !matches!(qs[*count].unit, "%" | "‰") && !qs[*count].is_money() {
            price_times_count(out, path, &qs[*price], &qs[*count], &qs[*total]);
        }
    }
    !products.is_empty()
}

/// M9's finding when `price` × `count` is not `total` (to the cent).
fn price_times_count(
    out: &mut Out,
    path: Path,
    price: &Quantity,
    count: &Quantity,
    total: &Quantity,
) {
    let (Some(p), Some(t)) = (price.money_wan(), total.money_wan()) else {
        return;
    };
    let Some(product) = text::times(p, count.value) else {
        return;
    };
    if cents(product) != cents(t) {
        out.add(
            Severity::Error,
            path,
            Kind::PriceTimesQuantityDiffers {
                price: price.value,
                money: price.unit,
                quantity: count.value,
                unit: count.unit,
                product,
                total: t,
            },
        )
        .at(total.span);
    }
}

/// M11: a unit price a cost row states, times the one count of its unit among the 数量 rows, is
/// within the project's annual total ("1500元/件" with "调解纠纷≥1600件" needs 240 万元). A price
/// or a count that is only a cap ("不超过2000元/人", "≤1600件") says nothing of the sum.
pub fn m11_price_times_count_within_total(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let Some(total) = f.project.and_then(|p| amount_of(&p.total)) else {
            continue;
        };
        // Each 数量 row's count that is no cap, with the row.
        let mut counts: Vec<(Decimal, &'static str, &RowCtx)> = Vec::new();
        for r in f.annual().filter(|r| r.category == Category::Quantity) {
            counts.extend(
                (r.count())
                    .filter(|(q, _)| !r.caps(q))
                    .map(|(q, _)| (q.value, q.unit, r)),
            );
        }
        for r in f.annual().filter(|r| r.costs_money()) {
            let v = &r.value;
            for price in &v.quantities {
                if price.role != Role::PerUnit || !price.is_money() || r.caps(price) {
                    continue;
                }
                let Some((per, named)) = text::per_unit(&v.folded, price) else {
                    continue;
                };
                // 个 counts anything: "每个站" goes with a count of 个 whose row names a 站.
                let of_what = |r: &RowCtx| {
                    let holds = |reading: &Reading, c: char| reading.folded.chars().contains(&c);
                    per != "个" || named.is_none_or(|c| holds(&r.name, c) || holds(&r.value, c))
                };
                let mut of_unit =
                    (counts.iter()).filter(|(_, unit, r)| text::same_unit(unit, per) && of_what(r));
                let (Some(&(count, unit, _)), None) = (of_unit.next(), of_unit.next()) else {
                    continue;
                };
                let Some(product) = price.money_wan().and_then(|p| text::times(p, count)) else {
                    continue;
                };
                if cents(product) > cents(total) {
                    out.add(
                        Severity::Warning,
                        r.path(f.form, RowField::Value),
                        Kind::PriceTimesCountExceedsTotal {
                            price: price.value,
                            money: price.unit,
                            count,
                            unit,
                            product,
                            total,
                        },
                    )
                    .at(price.span);
                }
            }
        }
    }
}

/// M10: an itemised list with a total adds up; items without amounts leave a remainder to explain.
pub fn m10_itemised_lists(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in f.rows.iter().filter(|r| r.category == Category::Cost) {
            let v = &r.value;
            let items = text::items(&v.folded);
            if items.len() < 2 {
                continue;
            }
            let Some(total_q) = v.total_money() else {
                continue;
            };
            let Some(total) = total_q.money_wan() else {
                continue;
            };
            let amounts: Vec<Option<Decimal>> = items
                .iter()
                .map(|it| {
                    let inside: Vec<Decimal> = v
                        .quantities
                        .iter()
                        .filter(|q| {
                            q.span.start >= it.span.start
                                && q.span.end <= it.span.end
                                && q.role == Role::Plain
                        })
                        .filter_map(|q| q.money_wan())
                        .collect();
                    if inside.is_empty() {
                        None
                    } else {
                        sum_exact(inside)
                    }
                })
                .collect();
            let Some(sum) = sum_exact(amounts.iter().flatten().copied()) else {
                continue;
            };
            let without = amounts.iter().filter(|a| a.is_none()).count();
            let path = r.path(f.form, RowField::Value);
            if without == 0 {
                if cents(sum) != cents(total) {
                    out.add(
                        Severity::Error,
                        path,
                        Kind::ItemsDontAdd {
                            items: items.len(),
                            sum,
                            total,
                        },
                    )
                    .at(total_q.span);
                }
            } else if total > sum && !total.is_zero() {
                out.add(
                    Severity::Warning,
                    path,
                    Kind::ItemsWithoutAmounts {
                        without,
                        items: items.len(),
                        remainder: sum_exact([total, -sum]).unwrap_or_default(),
                    },
                );
            }
        }
    }
}
