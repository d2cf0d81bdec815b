//! The declaration model: one unit's 绩效目标申报表 set for one year, as plain data.
//!
//! Nothing here knows the page: the types compile and test natively. Editing verbs live in
//! [`edit`], the JSON file format in [`json`], the shipped example in [`example`].

pub mod cell;
pub mod edit;
pub mod example;
pub mod framework;
pub mod json;
pub mod money;
pub mod paste;
pub mod path;
pub mod profile;

pub use cell::{Amount, Cell, Number, NumberCell};
pub use framework::Framework;
pub use money::{Money, MoneyError};
pub use path::{Field, FormRef, Grid, Path, RowField};
pub use profile::Profile;

use serde::Serialize;
use std::rc::Rc;

/// A stable identifier of a project or an indicator row, used as list key and in edits; never an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Id(pub u32);

/// One declaration (申报): a unit's set of forms for one budget year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Declaration {
    /// The budget year of the whole set, as typed ("2022").
    pub year: String,
    /// The budget unit's full name.
    pub unit_name: String,
    /// Checker thresholds and switches, saved with the declaration.
    pub profile: Profile,
    /// 部门（单位）整体支出绩效目标申报表.
    pub overall: OverallForm,
    /// 部门（单位）预算项目支出绩效目标申报表, one per budget project. Each is shared, so copying a
    /// declaration (every edit, the undo history) copies only the project that changes, and an
    /// unchanged project is recognised by its pointer.
    pub projects: Vec<Rc<ProjectForm>>,
}

/// The unit-overall form (整体支出).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverallForm {
    /// The year printed in the form's title (（2022年度）).
    pub year: String,
    /// 预算名称: the unit's full name as written on this form.
    pub unit_name: String,
    /// 主管部门 (optional; some provinces' templates).
    pub department: String,
    /// 年度财政拨款资金总额, 万元.
    pub total: Amount,
    /// 其中：人员经费, 万元.
    pub personnel: Amount,
    /// 公用经费, 万元.
    pub operating: Amount,
    /// 项目经费, 万元.
    pub project_funds: Amount,
    /// 年度主要任务及拟达到的目标.
    pub tasks: String,
    /// The indicator grid (一级 / 二级 / optional 三级 / 指标值).
    pub indicators: Vec<IndicatorRow>,
}

/// One project form (项目支出).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectForm {
    /// Stable id.
    pub id: Id,
    /// The year printed in the form's title.
    pub year: String,
    /// 项目名称.
    pub name: String,
    /// 预算单位.
    pub unit_name: String,
    /// 年度资金总额, 万元.
    pub total: Amount,
    /// 其中：财政拨款, 万元.
    pub appropriation: Amount,
    /// 其他资金, 万元 (blank = 0).
    pub other_funds: Amount,
    /// 总体目标 → 年度目标.
    pub annual_target: String,
    /// The indicator grid (一级 / 二级 / 三级 / 指标值).
    pub indicators: Vec<IndicatorRow>,
    /// 主管部门 (optional).
    pub department: String,
    /// 实施单位 (optional).
    pub implementing_unit: String,
    /// 项目负责人及电话 (optional).
    pub manager: String,
    /// 项目属性: 新增 / 延续 (optional).
    pub attribute: Option<ProjectAttribute>,
    /// 项目起止时间 / 实施期 (optional, as written: "2022年1月至2024年12月").
    pub period: String,
    /// 上年结转资金, 万元 (optional; counts towards the annual total).
    pub carryover: Amount,
    /// 中长期（实施期）目标 (optional).
    pub long_term_target: String,
    /// 中长期（实施期）指标 (optional).
    pub long_term_indicators: Vec<IndicatorRow>,
}

/// 项目属性.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectAttribute {
    /// 新增项目.
    New,
    /// 延续项目.
    Continuing,
}

/// One row of an indicator grid. The free-text value is what paper forms hold; the structured
/// parts are what other provinces' systems split it into. All are optional but the names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndicatorRow {
    /// Stable id.
    pub id: Id,
    /// 一级指标 as written (项目完成, 产出指标, 成本指标 …).
    pub level1: String,
    /// 二级指标 as written.
    pub level2: String,
    /// 三级指标 (the indicator's name); absent in some overall-form templates.
    pub level3: String,
    /// 指标值（包含数字及文字描述）, free text as written.
    pub value: String,
    /// 指标性质 / 符号.
    pub sign: Option<Sign>,
    /// The target number of a structured value.
    pub number: NumberCell,
    /// 计量单位.
    pub unit: String,
    /// 权重 (score weight).
    pub weight: NumberCell,
    /// 分值 / 得分 given to the row, where a template scores rows.
    pub score: NumberCell,
    /// 指标方向性.
    pub direction: Option<Direction>,
    /// 指标解释.
    pub explanation: String,
    /// 评(扣)分标准.
    pub scoring: String,
    /// 绩效标准.
    pub standard: Option<Standard>,
}

/// 指标性质 / 符号 of a structured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sign {
    /// ≥, at least.
    AtLeast,
    /// ≤, at most.
    AtMost,
    /// =, exactly.
    Equal,
    /// 定性, qualitative.
    Qualitative,
}

impl Sign {
    /// Every sign, in the order a picker shows them.
    pub const ALL: [Sign; 4] = [Sign::AtLeast, Sign::AtMost, Sign::Equal, Sign::Qualitative];

    /// The symbol or word as forms write it.
    pub fn label(self) -> &'static str {
        match self {
            Sign::AtLeast => "≥",
            Sign::AtMost => "≤",
            Sign::Equal => "=",
            Sign::Qualitative => "定性",
        }
    }
}

/// Texts joined by `between`, owned or borrowed: std's `join` and `concat` compile a copy for
/// each kind of text, each ~0.9 KB of the page's budget, where this loop is a tenth of that.
pub fn joined<T: AsRef<str>>(texts: &[T], between: &str) -> String {
    let mut out = String::new();
    for (k, text) in texts.iter().enumerate() {
        if k > 0 {
            out += between;
        }
        out += text.as_ref();
    }
    out
}

/// Whether a choice's name as typed, pasted or written by another system is `name`: a sign as
/// keyboards write it (">=", "≧") is that sign, and a name with or without the 标准 or 指标 templates
/// add ("其他" is 其他标准, "正向指标" is 正向).
pub fn names_choice(name: &str, typed: &str) -> bool {
    let typed = match typed.trim() {
        ">=" | "≧" | "＞＝" => "≥",
        "<=" | "≦" | "＜＝" => "≤",
        "＝" | "==" => "=",
        typed => typed,
    };
    name == typed
        || name.strip_suffix("标准") == Some(typed)
        || typed.strip_suffix("指标") == Some(name)
}

/// 指标方向性.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// 正向: higher is better.
    Positive,
    /// 反向: lower is better.
    Negative,
}

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::Positive, Direction::Negative];

    /// The word forms use.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Positive => "正向",
            Direction::Negative => "反向",
        }
    }
}

/// 绩效标准: where the target value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standard {
    /// 计划标准.
    Plan,
    /// 行业标准.
    Industry,
    /// 历史标准.
    History,
    /// 其他标准.
    Other,
}

impl Standard {
    /// Every standard.
    pub const ALL: [Standard; 4] = [
        Standard::Plan,
        Standard::Industry,
        Standard::History,
        Standard::Other,
    ];

    /// The words forms use.
    pub fn label(self) -> &'static str {
        match self {
            Standard::Plan => "计划标准",
            Standard::Industry => "行业标准",
            Standard::History => "历史标准",
            Standard::Other => "其他标准",
        }
    }
}

impl ProjectAttribute {
    /// Both attributes.
    pub const ALL: [ProjectAttribute; 2] = [ProjectAttribute::New, ProjectAttribute::Continuing];

    /// The word forms use.
    pub fn label(self) -> &'static str {
        match self {
            ProjectAttribute::New => "新增",
            ProjectAttribute::Continuing => "延续",
        }
    }
}

impl IndicatorRow {
    /// True when no name and no value is filled (whitespace counts as nothing).
    pub fn is_empty(&self) -> bool {
        [&self.level3, &self.value]
            .iter()
            .all(|s| money::trim_blank(s).is_empty())
            && self.number.is_blank()
            && money::trim_blank(&self.unit).is_empty()
    }

    /// The target a structured row states in its sign, number and unit columns ("≥1260公里",
    /// "定性"), to show and print in its blank value cell; `None` when the value cell is filled or
    /// those columns are empty.
    pub fn structured_target(&self) -> Option<String> {
        let sign = self.sign.map_or("", Sign::label);
        let number = self.number.to_text();
        if sign.is_empty() && number.trim().is_empty() || !money::trim_blank(&self.value).is_empty()
        {
            return None;
        }
        Some(format!("{sign}{}{}", number.trim(), self.unit.trim()))
    }
}

impl Declaration {
    /// A project by id.
    pub fn project(&self, id: Id) -> Option<&ProjectForm> {
        self.projects.iter().find(|p| p.id == id).map(|p| &**p)
    }

    /// One header field of every form, the overall form first: (form, the field's text).
    pub fn header_of_every_form<'a>(
        &'a self,
        overall: impl Fn(&'a OverallForm) -> &'a String,
        project: impl Fn(&'a ProjectForm) -> &'a String + 'a,
    ) -> impl Iterator<Item = (FormRef, &'a String)> + 'a {
        std::iter::once((FormRef::Overall, overall(&self.overall))).chain(
            self.projects
                .iter()
                .map(move |p| (FormRef::Project(p.id), project(p))),
        )
    }

    /// The project at a position, to change (copied first when shared).
    pub fn project_at_mut(&mut self, index: usize) -> &mut ProjectForm {
        Rc::make_mut(&mut self.projects[index])
    }

    /// Every project, to change (each copied first when shared).
    pub fn projects_mut(&mut self) -> impl Iterator<Item = &mut ProjectForm> {
        self.projects.iter_mut().map(Rc::make_mut)
    }

    /// Every id in use (projects and rows).
    fn ids(&self) -> impl Iterator<Item = Id> + '_ {
        let rows = |rows: &'_ [IndicatorRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
        rows(&self.overall.indicators)
            .into_iter()
            .chain(self.projects.iter().flat_map(move |p| {
                std::iter::once(p.id)
                    .chain(rows(&p.indicators))
                    .chain(rows(&p.long_term_indicators))
            }))
    }

    /// An id not used yet.
    pub fn fresh_id(&self) -> Id {
        Id(self.ids().map(|i| i.0).max().unwrap_or(0) + 1)
    }

    /// Gives every project and row a unique non-zero id, keeping the ids that already are.
    /// Files written by other tools may leave ids out (0) or repeat them.
    pub fn ensure_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut next = self.ids().map(|i| i.0).max().unwrap_or(0) + 1;
        let mut fix = |id: &mut Id| {
            if id.0 == 0 || !seen.insert(*id) {
                *id = Id(next);
                seen.insert(*id);
                next += 1;
            }
        };
        for r in &mut self.overall.indicators {
            fix(&mut r.id);
        }
        for p in self.projects_mut() {
            fix(&mut p.id);
            for r in p
                .indicators
                .iter_mut()
                .chain(p.long_term_indicators.iter_mut())
            {
                fix(&mut r.id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Cell, IndicatorRow, Sign};

    #[test]
    fn a_structured_target_is_its_sign_number_and_unit() {
        let mut row = IndicatorRow::default();
        assert_eq!(row.structured_target(), None);
        row.unit = "公里".into();
        assert_eq!(row.structured_target(), None, "a unit alone states nothing");
        row.number = Cell::from_input(" 1260 ");
        assert_eq!(row.structured_target().as_deref(), Some("1260公里"));
        row.sign = Some(Sign::AtLeast);
        assert_eq!(row.structured_target().as_deref(), Some("≥1260公里"));
        let qualitative = IndicatorRow {
            sign: Some(Sign::Qualitative),
            ..IndicatorRow::default()
        };
        assert_eq!(qualitative.structured_target().as_deref(), Some("定性"));
        row.value = "≥1260公里".into();
        assert_eq!(row.structured_target(), None, "the value cell says it");
        row.value = "\u{3000}".into();
        assert_eq!(row.structured_target().as_deref(), Some("≥1260公里"));
    }
}
