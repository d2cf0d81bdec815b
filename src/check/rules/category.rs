//! C — categories and structure: known 一级/二级 names and one framework per form, the categories
//! every form must cover, complete rows, meaningful and distinct 三级 names, indicators in the right
//! category. Source: 财预〔2015〕88号 (完整性), 财预〔2021〕101号 (框架), local templates.

use crate::check::context::{Category, Ctx, FormCtx, RowCtx};
use crate::check::kind::SharedText;
use crate::check::{Fix, Kind, Out, Severity};
use crate::model::framework::{Framework, BENEFIT, COST, OUTPUT, SATISFACTION};
use crate::model::{FormRef, Grid, Path, RowField};
use std::ops::Range;

const OUTPUT_L2: [&str; 4] = ["数量指标", "质量指标", "时效指标", "成本指标"];
const BENEFIT_L2: [&str; 4] = [
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
];
const COST_L2: [&str; 3] = ["经济成本指标", "社会成本指标", "生态环境成本指标"];
const SATISFACTION_L2: [&str; 1] = ["服务对象满意度指标"];
const OVERALL_L1: [&str; 4] = ["基本经费", "项目经费", "其他绩效指标", "其他指标"];
/// The 10 points of 预算执行率 that templates scoring their rows give a row of its own (财预〔2020〕
/// 10号), under a 一级 of that name.
const EXECUTION: &str = "预算执行率";

fn known_l2(l1: &str) -> &'static [&'static str] {
    match l1 {
        OUTPUT => &OUTPUT_L2,
        BENEFIT => &BENEFIT_L2,
        COST => &COST_L2,
        SATISFACTION => &SATISFACTION_L2,
        EXECUTION => &["预算执行率指标", ""],
        _ => &[],
    }
}

/// The framework a project form follows, if its rows tell.
pub fn detect_framework(f: &FormCtx) -> (bool, bool) {
    let classic = f.annual().any(|r| r.l1 == OUTPUT && r.l2 == "成本指标");
    let cost_2021 = f.annual().any(|r| r.l1 == COST);
    (classic, cost_2021)
}

/// Rows that start a run of equal raw 一级 (or 一级+二级) names: where the page shows the group's name.
fn run_starts<'a>(rows: &'a [RowCtx<'a>], level2: bool) -> impl Iterator<Item = &'a RowCtx<'a>> {
    rows.iter()
        .enumerate()
        .filter(move |(i, r)| {
            *i == 0 || {
                let p = &rows[i - 1];
                p.grid != r.grid
                    || p.row.level1 != r.row.level1
                    || (level2 && p.row.level2 != r.row.level2)
            }
        })
        .map(|(_, r)| r)
}

/// C1: only known 一级/二级 names (after aliases), and one framework per form.
pub fn c1_known_categories(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        let overall = f.form == FormRef::Overall;
        for r in run_starts(&f.rows, false) {
            let ok = [OUTPUT, BENEFIT, SATISFACTION, COST, EXECUTION].contains(&&*r.l1)
                || (overall && OVERALL_L1.contains(&&*r.l1));
            if !ok && !r.l1.is_empty() || r.l1.is_empty() && r.filled() {
                out.add(
                    Severity::Error,
                    r.path(f.form, RowField::Level1),
                    Kind::UnknownLevel1 {
                        name: r.row.level1.trim().into(),
                    },
                );
            }
        }
        for r in run_starts(&f.rows, true) {
            let allowed = known_l2(&r.l1);
            let l2 = &*r.l2;
            let ok = if overall {
                allowed.contains(&l2)
                    || OUTPUT_L2.contains(&l2)
                    || BENEFIT_L2.contains(&l2)
                    || SATISFACTION_L2.contains(&l2)
                    || matches!(l2, "其他指标" | "其他绩效指标")
            } else {
                allowed.is_empty() || allowed.contains(&l2)
            };
            if !ok {
                out.add(
                    Severity::Error,
                    r.path(f.form, RowField::Level2),
                    Kind::UnknownLevel2 {
                        level1: r.row.level1.trim().into(),
                        name: r.row.level2.trim().into(),
                    },
                );
            }
        }
        if overall {
            continue;
        }
        let (classic, cost_2021) = detect_framework(f);
        if classic && cost_2021 {
            out.add(
                Severity::Error,
                Path::Grid(f.form, Grid::Annual),
                Kind::MixedFrameworks,
            );
        } else if let Some(expected) = ctx.profile.framework {
            let found = if classic {
                Some(Framework::Classic)
            } else if cost_2021 {
                Some(Framework::Cost2021)
            } else {
                None
            };
            if let Some(found) = found.filter(|f| *f != expected) {
                out.add(
                    Severity::Error,
                    Path::Grid(f.form, Grid::Annual),
                    Kind::FrameworkDiffersFromProfile {
                        expected: expected.label().into(),
                        found: found.label().into(),
                    },
                );
            }
        }
    }
}

fn filled_in<'a>(f: &'a FormCtx<'a>, l1: &'a str) -> impl Iterator<Item = &'a RowCtx<'a>> {
    f.annual().filter(move |r| r.l1 == l1 && r.filled())
}

/// C2: a project has at least one filled indicator under 产出, 效益 and 满意度 (and 成本 in the 2021 framework).
pub fn c2_required_level1(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let (_, cost_2021) = detect_framework(f);
        let cost_required = cost_2021 || ctx.profile.framework == Some(Framework::Cost2021);
        for l1 in [OUTPUT, BENEFIT, SATISFACTION]
            .into_iter()
            .chain(cost_required.then_some(COST))
        {
            if filled_in(f, l1).next().is_none() {
                out.add(
                    Severity::Error,
                    Path::Grid(f.form, Grid::Annual),
                    Kind::MissingLevel1 { level1: l1.into() },
                );
            }
        }
    }
}

/// C3: 产出 covers 数量, 质量, 时效 (and 成本 in the classic framework); the 2021 成本 一级 has an 经济成本 row.
pub fn c3_output_coverage(ctx: &Ctx, out: &mut Out) {
    for f in ctx.projects() {
        let (_, cost_2021) = detect_framework(f);
        let cost_2021 = cost_2021 || ctx.profile.framework == Some(Framework::Cost2021);
        if filled_in(f, OUTPUT).next().is_none() {
            continue; // C2 already says 产出 is missing.
        }
        let needed: &[(&str, &str)] = if cost_2021 {
            &[
                (OUTPUT, "数量指标"),
                (OUTPUT, "质量指标"),
                (OUTPUT, "时效指标"),
                (COST, "经济成本指标"),
            ]
        } else {
            &[
                (OUTPUT, "数量指标"),
                (OUTPUT, "质量指标"),
                (OUTPUT, "时效指标"),
                (OUTPUT, "成本指标"),
            ]
        };
        for (l1, l2) in needed {
            if cost_2021 && *l1 == COST && filled_in(f, COST).next().is_none() {
                continue; // C2 says 成本 is missing.
            }
            if !filled_in(f, l1).any(|r| r.l2 == *l2) {
                out.add(
                    Severity::Warning,
                    Path::Grid(f.form, Grid::Annual),
                    Kind::MissingLevel2 {
                        level1: (*l1).into(),
                        level2: (*l2).into(),
                    },
                );
            }
        }
    }
}

/// C4: a row is complete (name and value) or empty; empty rows are reported once per form.
pub fn c4_complete_rows(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        let has_names = f.form != FormRef::Overall || f.rows.iter().any(|r| !r.level3.is_empty());
        let mut empty = 0;
        for r in &f.rows {
            let named = !r.level3.is_empty();
            if r.row.is_empty() {
                empty += 1;
            } else if has_names && named && !r.filled() {
                out.add(
                    Severity::Error,
                    r.path(f.form, RowField::Value),
                    Kind::RowHalfFilled {
                        missing: "指标值".into(),
                    },
                );
            } else if has_names && !named && r.filled() {
                out.add(
                    Severity::Error,
                    r.path(f.form, RowField::Level3),
                    Kind::RowHalfFilled {
                        missing: "三级指标名称".into(),
                    },
                );
            }
        }
        if empty > 0 {
            out.add(
                Severity::Info,
                Path::Grid(f.form, Grid::Annual),
                Kind::EmptyRows { count: empty },
            )
            .fix(Fix::DropEmptyRows);
        }
    }
}

const PLACEHOLDER_NAMES: &[&str] = &[
    "数量",
    "质量",
    "时效",
    "成本",
    "效益",
    "满意度",
    "工作计划",
    "计划执行",
    "安排计划",
    "按照要求",
    "按要求",
    "按照计划",
    "按计划",
    "工作要求",
    "完成情况",
    "其他",
    "指标",
    "工作任务",
    "目标任务",
];

/// True for a 三级 name that says nothing: a category word or a placeholder phrase. `name` is the
/// name without whitespace ([`crate::model::framework::compact`], as `RowCtx::level3` holds it).
pub fn is_placeholder_name(name: &str, l1: &str, l2: &str) -> bool {
    let n = name.trim_end_matches(['。', '.', '；']);
    if n.is_empty() {
        return false;
    }
    // (A loop of strip_suffix, not trim_end_matches: a str pattern prepares a search on every call.)
    let mut bare = n;
    while let Some(shorter) = bare.strip_suffix("指标") {
        bare = shorter;
    }
    if PLACEHOLDER_NAMES.contains(&n)
        || PLACEHOLDER_NAMES.contains(&bare)
        // The overall form's 基本经费 and 项目经费 name what a cost row under them costs; 预算执行率
        // is its own measure.
        || n == l1 && !(l2 == "成本指标" && l1.ends_with("经费") || l1 == EXECUTION)
        || n == l2
        || l2.starts_with(bare) && !bare.is_empty() && bare.chars().count() <= 4
    {
        return true;
    }
    let starts = ["按照", "根据", "依照", "按"]
        .iter()
        .any(|p| n.starts_with(p));
    let ends = ["计划", "要求", "执行", "实施", "规定", "标准"]
        .iter()
        .any(|s| n.ends_with(s));
    starts && ends && n.chars().count() <= 12
}

/// C5: a 三级 name is not a category word or a placeholder (数量, 工作计划, 按照要求 …).
pub fn c5_meaningful_names(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            if is_placeholder_name(&r.level3, &r.l1, &r.l2) {
                out.add(
                    Severity::Warning,
                    r.path(f.form, RowField::Level3),
                    Kind::PlaceholderName {
                        name: r.row.level3.trim().into(),
                    },
                );
            }
        }
    }
}

/// A 三级 name prepared for comparison: its chars, and the same chars sorted.
struct NameKey<'k> {
    chars: &'k [char],
    sorted: &'k [char],
}

impl NameKey<'_> {
    /// Equal, the same characters in another order ("决议决定" / "决定决议"), or the same measure
    /// with another suffix of the same meaning ("群众满意度" / "群众满意率").
    fn near(&self, other: &NameKey) -> bool {
        let n = self.chars.len();
        if n != other.chars.len() {
            return false;
        }
        self.chars == other.chars
            || n >= 4
                && (self.sorted == other.sorted
                    || (n >= 5 && same_measure(self.chars, other.chars)))
    }
}

/// Whether two names of the same length differ only in their last char, and those are
/// interchangeable measure suffixes (度/率, 数/量). A difference anywhere else names another
/// thing: 保安服务费 and 保洁服务费, 一类疫苗接种率 and 二类疫苗接种率.
fn same_measure(a: &[char], b: &[char]) -> bool {
    match (a.split_last(), b.split_last()) {
        (Some((x, a)), Some((y, b))) => {
            a == b
                && matches!(
                    (x, y),
                    ('度', '率') | ('率', '度') | ('数', '量') | ('量', '数')
                )
        }
        _ => false,
    }
}

/// C6: no duplicate or near-duplicate 三级 names in one form.
pub fn c6_distinct_names(ctx: &Ctx, out: &mut Out) {
    // Every distinct name's chars, and the same chars sorted, in two buffers (not two small
    // allocations per name), prepared once however many forms use the name.
    let (mut chars, mut sorted) = (Vec::new(), Vec::new());
    let mut prepared: Vec<Option<Range<usize>>> = vec![None; ctx.texts];
    // Each distinct name quoted by a finding, made once however many findings quote it.
    let mut quoted: Vec<Option<SharedText>> = vec![None; ctx.texts];
    let mut names: Vec<(Range<usize>, &RowCtx)> = Vec::new();
    for f in &ctx.forms {
        names.clear();
        for r in f.rows.iter().filter(|r| !r.level3.is_empty()) {
            let at = match prepared.get(r.name.id).cloned().flatten() {
                Some(at) => at,
                None => {
                    let start = chars.len();
                    chars.extend(r.level3.chars());
                    sorted.extend_from_slice(&chars[start..]);
                    sorted[start..].sort_unstable();
                    if let Some(slot) = prepared.get_mut(r.name.id) {
                        *slot = Some(start..chars.len());
                    }
                    start..chars.len()
                }
            };
            names.push((at, r));
        }
        let key = |at: &Range<usize>| NameKey {
            chars: &chars[at.clone()],
            sorted: &sorted[at.clone()],
        };
        for (i, (at, r)) in names.iter().enumerate() {
            // Near names of two categories name two sides of one thing: "建设村级污水处理设施"
            // counts facilities, "村级污水处理设施建设" prices them. The same name (one text read)
            // twice is a duplicate anywhere.
            if let Some((_, other)) = names[..i].iter().find(|(o, p)| {
                o.len() == at.len()
                    && p.grid == r.grid
                    && (p.category == r.category || p.name.id == r.name.id)
                    && key(o).near(&key(at))
            }) {
                let mut quote = |r: &RowCtx| -> SharedText {
                    match quoted.get_mut(r.name.id) {
                        Some(slot) => slot.get_or_insert_with(|| (*r.level3).into()).clone(),
                        None => (*r.level3).into(),
                    }
                };
                let (name, other) = (quote(r), quote(other));
                out.add(
                    Severity::Warning,
                    r.path(f.form, RowField::Level3),
                    Kind::DuplicateName { name, other },
                );
            }
        }
    }
}

/// C7: a satisfaction indicator sits under 满意度指标.
pub fn c7_satisfaction_placement(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in &f.rows {
            let about_satisfaction = r.name.mentions("满意") && measures_satisfaction(&r.level3)
                || (r.level3.is_empty() && r.value.mentions("满意度"));
            if about_satisfaction && r.category != Category::Satisfaction && r.l1 != SATISFACTION {
                out.add(
                    Severity::Warning,
                    r.path(f.form, RowField::Level3),
                    Kind::SatisfactionMisplaced {
                        level1: r.row.level1.trim().into(),
                    },
                );
            }
        }
    }
}

/// Whether a 三级 name measures satisfaction: it ends with 满意, 满意度, 满意率 … (a unit in
/// brackets aside). "满意度调查覆盖面" measures how far a survey reaches, "满意度测评机制" a mechanism.
fn measures_satisfaction(name: &str) -> bool {
    let core = crate::text::split_trailing_bracket(name).0;
    [
        "满意",
        "满意度",
        "满意率",
        "满意程度",
        "满意度调查",
        "满意度测评",
    ]
    .iter()
    .any(|end| core.ends_with(end))
}

/// C8: category and unit agree: no money under 数量, no fee named as a 数量 indicator, no bare percentage as a cost.
pub fn c8_category_and_unit(ctx: &Ctx, out: &mut Out) {
    for f in &ctx.forms {
        for r in f.rows.iter().filter(|r| r.filled()) {
            match r.category {
                Category::Quantity => {
                    let name = &r.level3;
                    if ["费", "经费", "资金", "费用"]
                        .iter()
                        .any(|s| name.ends_with(s))
                    {
                        out.add(
                            Severity::Warning,
                            r.path(f.form, RowField::Level3),
                            Kind::FeeAsQuantity {
                                name: r.row.level3.trim().into(),
                            },
                        );
                    } else if let Some(q) = r.value.main_quantity().filter(|q| q.is_money()) {
                        out.add(
                            Severity::Warning,
                            r.path(f.form, RowField::Value),
                            Kind::MoneyUnderQuantity { unit: q.unit },
                        )
                        .at(q.span);
                    } else if let Some((q, field)) = r.number_apart().filter(|(q, _)| q.is_money())
                    {
                        // Money in the unit column ("≥126" beside 万元).
                        out.add(
                            Severity::Warning,
                            r.path(f.form, field),
                            Kind::MoneyUnderQuantity { unit: q.unit },
                        )
                        .at_number(field, q.span);
                    }
                }
                Category::Cost if r.costs_money() && cost_only_percent(r) => {
                    out.add(
                        Severity::Warning,
                        r.path(f.form, RowField::Value),
                        Kind::CostOnlyPercent,
                    );
                }
                _ => {}
            }
        }
    }
}

/// A 成本 value that states a percentage and no money ("控制率≤100%", or 1 beside % in the unit
/// column), in no money unit column.
pub(crate) fn cost_only_percent(r: &RowCtx) -> bool {
    let unit_column = crate::text::normalise_unit(&r.row.unit);
    (r.value.quantities.iter().any(|q| q.unit == "%")
        || unit_column == "%" && !r.row.number.is_blank())
        && !r.value.quantities.iter().any(|q| q.is_money())
        && !crate::text::is_money_unit(&unit_column)
}

/// C9: a project form has at least the profile's number of filled indicators.
pub fn c9_enough_indicators(ctx: &Ctx, out: &mut Out) {
    let min = ctx.profile.min_indicators_per_form;
    if min == 0 {
        return;
    }
    for f in ctx.projects() {
        let count = f.annual().filter(|r| r.filled()).count();
        if count < min as usize {
            out.add(
                Severity::Warning,
                Path::Grid(f.form, Grid::Annual),
                Kind::TooFewIndicators { count, min },
            );
        }
    }
}

/// C10: the overall form has indicators under 基本经费, 项目经费, 效益/效果 and 满意度 (or 产出/效益/满意度
/// where it uses the project categories).
pub fn c10_overall_groups(ctx: &Ctx, out: &mut Out) {
    let Some(f) = ctx.overall() else { return };
    let seed_style = f
        .rows
        .iter()
        .any(|r| r.l1 == "基本经费" || r.l1 == "项目经费")
        || f.rows.is_empty();
    let has_projects = !ctx.d.projects.is_empty()
        || crate::check::rules::money::amount_of(&ctx.d.overall.project_funds)
            .is_some_and(|d| !d.is_zero());
    let groups: Vec<&str> = if seed_style {
        ["基本经费"]
            .into_iter()
            .chain(has_projects.then_some("项目经费"))
            .chain([BENEFIT, SATISFACTION])
            .collect()
    } else {
        vec![OUTPUT, BENEFIT, SATISFACTION]
    };
    let grid = Path::Grid(FormRef::Overall, Grid::Annual);
    for g in groups {
        let rows: Vec<_> = f.rows.iter().filter(|r| r.l1 == g).collect();
        let shown = if g == BENEFIT && seed_style {
            "效果指标"
        } else {
            g
        };
        if rows.is_empty() {
            out.add(
                Severity::Error,
                grid,
                Kind::OverallGroupMissing { level1: shown },
            );
        } else if !rows.iter().any(|r| r.filled()) {
            out.add(
                Severity::Warning,
                grid,
                Kind::OverallGroupEmpty { level1: shown },
            );
        }
    }
}
