//! Typed paths to a place in a declaration: what a finding points at and what an edit changes.
//!
//! The same path gives the DOM id of the input that shows the place, so the page can focus it.

use super::Id;
use serde::Serialize;

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormRef {
    /// The unit-overall form.
    Overall,
    /// A project form, by id.
    Project(Id),
}

/// Which indicator grid of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grid {
    /// The annual indicators.
    Annual,
    /// 中长期（实施期）indicators of a project.
    LongTerm,
}

/// A header field of a form or of the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The year in the form's title.
    Year,
    /// 预算名称 / 预算单位.
    UnitName,
    /// 主管部门.
    Department,
    /// 年度财政拨款资金总额 (overall) or 年度资金总额 (project).
    Total,
    /// 人员经费 (overall).
    Personnel,
    /// 公用经费 (overall).
    Operating,
    /// 项目经费 (overall).
    ProjectFunds,
    /// 年度主要任务及拟达到的目标 (overall).
    Tasks,
    /// 项目名称.
    Name,
    /// 财政拨款 (project).
    Appropriation,
    /// 其他资金 (project).
    OtherFunds,
    /// 年度目标 (project).
    AnnualTarget,
    /// 实施单位.
    ImplementingUnit,
    /// 项目负责人及电话.
    Manager,
    /// 项目属性.
    Attribute,
    /// 项目起止时间 / 实施期.
    Period,
    /// 上年结转资金.
    Carryover,
    /// 中长期目标.
    LongTermTarget,
}

impl Field {
    /// The label the paper form prints.
    pub fn label(self) -> &'static str {
        match self {
            Field::Year => "年度",
            Field::UnitName => "预算单位",
            Field::Department => "主管部门",
            Field::Total => "年度资金总额",
            Field::Personnel => "人员经费",
            Field::Operating => "公用经费",
            Field::ProjectFunds => "项目经费",
            Field::Tasks => "年度主要任务及拟达到的目标",
            Field::Name => "项目名称",
            Field::Appropriation => "财政拨款",
            Field::OtherFunds => "其他资金",
            Field::AnnualTarget => "年度目标",
            Field::ImplementingUnit => "实施单位",
            Field::Manager => "项目负责人及电话",
            Field::Attribute => "项目属性",
            Field::Period => "项目起止时间",
            Field::Carryover => "上年结转资金",
            Field::LongTermTarget => "中长期目标",
        }
    }

    /// The label on a given form where the two forms name the field differently.
    pub fn label_on(self, form: FormRef) -> &'static str {
        match (self, form) {
            (Field::Total, FormRef::Overall) => "年度财政拨款资金总额",
            (Field::UnitName, FormRef::Overall) => "预算名称",
            _ => self.label(),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Field::Year => "year",
            Field::UnitName => "unit",
            Field::Department => "department",
            Field::Total => "total",
            Field::Personnel => "personnel",
            Field::Operating => "operating",
            Field::ProjectFunds => "project-funds",
            Field::Tasks => "tasks",
            Field::Name => "name",
            Field::Appropriation => "appropriation",
            Field::OtherFunds => "other-funds",
            Field::AnnualTarget => "annual-target",
            Field::ImplementingUnit => "implementing-unit",
            Field::Manager => "manager",
            Field::Attribute => "attribute",
            Field::Period => "period",
            Field::Carryover => "carryover",
            Field::LongTermTarget => "long-term-target",
        }
    }
}

/// A cell of an indicator row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowField {
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 三级指标.
    Level3,
    /// 指标值.
    Value,
    /// 符号.
    Sign,
    /// 数值.
    Number,
    /// 计量单位.
    Unit,
    /// 权重.
    Weight,
    /// 分值.
    Score,
    /// 指标方向性.
    Direction,
    /// 指标解释.
    Explanation,
    /// 评(扣)分标准.
    Scoring,
    /// 绩效标准.
    Standard,
}

impl RowField {
    /// The column label.
    pub fn label(self) -> &'static str {
        match self {
            RowField::Level1 => "一级指标",
            RowField::Level2 => "二级指标",
            RowField::Level3 => "三级指标",
            RowField::Value => "指标值",
            RowField::Sign => "符号",
            RowField::Number => "数值",
            RowField::Unit => "计量单位",
            RowField::Weight => "权重",
            RowField::Score => "分值",
            RowField::Direction => "指标方向性",
            RowField::Explanation => "指标解释",
            RowField::Scoring => "评（扣）分标准",
            RowField::Standard => "绩效标准",
        }
    }

    fn key(self) -> &'static str {
        match self {
            RowField::Level1 => "l1",
            RowField::Level2 => "l2",
            RowField::Level3 => "l3",
            RowField::Value => "value",
            RowField::Sign => "sign",
            RowField::Number => "number",
            RowField::Unit => "unit",
            RowField::Weight => "weight",
            RowField::Score => "score",
            RowField::Direction => "direction",
            RowField::Explanation => "explanation",
            RowField::Scoring => "scoring",
            RowField::Standard => "standard",
        }
    }
}

/// A place in a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Path {
    /// The declaration's budget year.
    DeclarationYear,
    /// The declaration's unit name.
    DeclarationUnit,
    /// A whole form (e.g. a missing indicator category).
    Form(FormRef),
    /// A header field of a form.
    Field(FormRef, Field),
    /// A whole indicator grid.
    Grid(FormRef, Grid),
    /// One cell of an indicator row.
    Cell(FormRef, Grid, Id, RowField),
}

impl FormRef {
    fn key(self) -> String {
        match self {
            FormRef::Overall => "overall".into(),
            FormRef::Project(id) => format!("p{}", id.0),
        }
    }
}

impl Grid {
    fn key(self) -> &'static str {
        match self {
            Grid::Annual => "annual",
            Grid::LongTerm => "long",
        }
    }
}

impl Path {
    /// The form the place belongs to, if any.
    pub fn form(self) -> Option<FormRef> {
        match self {
            Path::DeclarationYear | Path::DeclarationUnit => None,
            Path::Form(f) | Path::Field(f, _) | Path::Grid(f, _) | Path::Cell(f, ..) => Some(f),
        }
    }

    /// The id of the DOM element that shows this place ("f-p3-total", "c-p3-annual-17-value").
    pub fn dom_id(self) -> String {
        match self {
            Path::DeclarationYear => "d-year".into(),
            Path::DeclarationUnit => "d-unit".into(),
            Path::Form(f) => format!("form-{}", f.key()),
            Path::Field(f, field) => format!("f-{}-{}", f.key(), field.key()),
            Path::Grid(f, g) => format!("g-{}-{}", f.key(), g.key()),
            Path::Cell(f, g, row, c) => format!("c-{}-{}-{}-{}", f.key(), g.key(), row.0, c.key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_ids_are_distinct_and_stable() {
        let a = Path::Cell(
            FormRef::Project(Id(3)),
            Grid::Annual,
            Id(17),
            RowField::Value,
        )
        .dom_id();
        assert_eq!(a, "c-p3-annual-17-value");
        assert_eq!(
            Path::Field(FormRef::Overall, Field::Total).dom_id(),
            "f-overall-total"
        );
        assert_ne!(
            Path::Field(FormRef::Overall, Field::Total).dom_id(),
            Path::Field(FormRef::Project(Id(1)), Field::Total).dom_id()
        );
    }
}
