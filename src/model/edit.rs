//! Editing verbs on a declaration: read and write fields by typed path, add, remove and reorder.
//!
//! Every verb is pure data manipulation; the page's reducer calls these and nothing else.

use super::cell::Cell;
use super::framework::{Framework, OVERALL_CATEGORIES};
use super::path::{Field, FormRef, Grid, RowField};
use super::{
    Declaration, Direction, Id, IndicatorRow, OverallForm, ProjectAttribute, ProjectForm, Sign,
    Standard,
};
use std::rc::Rc;

/// Which way to move an item in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Towards the start.
    Up,
    /// Towards the end.
    Down,
}

/// Which level of grouping in an indicator grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// 一级指标.
    One,
    /// 二级指标.
    Two,
}

fn label_of<T: Copy>(all: &[T], label: fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter()
        .copied()
        .find(|v| super::names_choice(label(*v), text))
}

impl Declaration {
    /// A new, empty declaration for a year: the overall form with its template rows and no project.
    pub fn new_blank(year: &str) -> Declaration {
        let mut d = Declaration {
            year: year.to_string(),
            overall: OverallForm {
                year: year.to_string(),
                ..OverallForm::default()
            },
            ..Declaration::default()
        };
        for (l1, l2s) in OVERALL_CATEGORIES {
            for l2 in *l2s {
                let id = d.fresh_id();
                d.overall.indicators.push(IndicatorRow {
                    id,
                    level1: l1.to_string(),
                    level2: l2.to_string(),
                    ..Default::default()
                });
            }
        }
        d
    }

    /// The framework new project forms are laid out in.
    pub fn framework_for_new_forms(&self) -> Framework {
        self.profile.framework.unwrap_or_default()
    }

    /// Adds a project form with the framework's template rows; returns its id.
    pub fn add_project(&mut self) -> Id {
        let id = self.fresh_id();
        let mut p = ProjectForm {
            id,
            year: self.year.clone(),
            unit_name: self.unit_name.clone(),
            ..ProjectForm::default()
        };
        let mut next = id.0 + 1;
        for (l1, l2s) in self.framework_for_new_forms().project_categories() {
            for l2 in *l2s {
                p.indicators.push(IndicatorRow {
                    id: Id(next),
                    level1: l1.to_string(),
                    level2: l2.to_string(),
                    ..Default::default()
                });
                next += 1;
            }
        }
        self.projects.push(Rc::new(p));
        id
    }

    /// Removes a project form; false when there is none with that id.
    pub fn remove_project(&mut self, id: Id) -> bool {
        let before = self.projects.len();
        self.projects.retain(|p| p.id != id);
        before != self.projects.len()
    }

    /// Moves a project form one place; false when it cannot move.
    pub fn move_project(&mut self, id: Id, dir: Move) -> bool {
        move_in(&mut self.projects, |p| p.id == id, dir)
    }

    /// Sets the declaration's year, and every form's year that still showed the old one.
    pub fn set_year(&mut self, text: &str) {
        let old = std::mem::replace(&mut self.year, text.to_string());
        let follow = |y: &mut String| {
            if *y == old || y.trim().is_empty() {
                *y = text.to_string();
            }
        };
        follow(&mut self.overall.year);
        self.projects_mut().for_each(|p| follow(&mut p.year));
    }

    /// Sets the declaration's unit name, and every form's unit name that still showed the old one.
    pub fn set_unit_name(&mut self, text: &str) {
        let old = std::mem::replace(&mut self.unit_name, text.to_string());
        let follow = |u: &mut String| {
            if *u == old || u.trim().is_empty() {
                *u = text.to_string();
            }
        };
        follow(&mut self.overall.unit_name);
        self.projects_mut().for_each(|p| follow(&mut p.unit_name));
    }

    /// A header field as text, or `None` when the form or the field does not exist.
    pub fn field_text(&self, form: FormRef, field: Field) -> Option<String> {
        match form {
            FormRef::Overall => {
                let o = &self.overall;
                Some(match field {
                    Field::Year => o.year.clone(),
                    Field::UnitName => o.unit_name.clone(),
                    Field::Department => o.department.clone(),
                    Field::Total => o.total.to_text(),
                    Field::Personnel => o.personnel.to_text(),
                    Field::Operating => o.operating.to_text(),
                    Field::ProjectFunds => o.project_funds.to_text(),
                    Field::Tasks => o.tasks.clone(),
                    _ => return None,
                })
            }
            FormRef::Project(id) => {
                let p = self.project(id)?;
                Some(match field {
                    Field::Year => p.year.clone(),
                    Field::UnitName => p.unit_name.clone(),
                    Field::Department => p.department.clone(),
                    Field::Total => p.total.to_text(),
                    Field::Name => p.name.clone(),
                    Field::Appropriation => p.appropriation.to_text(),
                    Field::OtherFunds => p.other_funds.to_text(),
                    Field::AnnualTarget => p.annual_target.clone(),
                    Field::ImplementingUnit => p.implementing_unit.clone(),
                    Field::Manager => p.manager.clone(),
                    Field::Attribute => p
                        .attribute
                        .map(|a| a.label().to_string())
                        .unwrap_or_default(),
                    Field::Period => p.period.clone(),
                    Field::Carryover => p.carryover.to_text(),
                    Field::LongTermTarget => p.long_term_target.clone(),
                    _ => return None,
                })
            }
        }
    }

    /// Sets a header field from typed text; false when the form or field does not exist.
    pub fn set_field(&mut self, form: FormRef, field: Field, text: &str) -> bool {
        let s = text.to_string();
        match form {
            FormRef::Overall => {
                let o = &mut self.overall;
                match field {
                    Field::Year => o.year = s,
                    Field::UnitName => o.unit_name = s,
                    Field::Department => o.department = s,
                    Field::Total => o.total = Cell::from_input(text),
                    Field::Personnel => o.personnel = Cell::from_input(text),
                    Field::Operating => o.operating = Cell::from_input(text),
                    Field::ProjectFunds => o.project_funds = Cell::from_input(text),
                    Field::Tasks => o.tasks = s,
                    _ => return false,
                }
            }
            FormRef::Project(id) => {
                let Some(p) = self
                    .projects
                    .iter_mut()
                    .find(|p| p.id == id)
                    .map(Rc::make_mut)
                else {
                    return false;
                };
                match field {
                    Field::Year => p.year = s,
                    Field::UnitName => p.unit_name = s,
                    Field::Department => p.department = s,
                    Field::Total => p.total = Cell::from_input(text),
                    Field::Name => p.name = s,
                    Field::Appropriation => p.appropriation = Cell::from_input(text),
                    Field::OtherFunds => p.other_funds = Cell::from_input(text),
                    Field::AnnualTarget => p.annual_target = s,
                    Field::ImplementingUnit => p.implementing_unit = s,
                    Field::Manager => p.manager = s,
                    Field::Attribute => {
                        p.attribute =
                            label_of(&ProjectAttribute::ALL, ProjectAttribute::label, text)
                    }
                    Field::Period => p.period = s,
                    Field::Carryover => p.carryover = Cell::from_input(text),
                    Field::LongTermTarget => p.long_term_target = s,
                    _ => return false,
                }
            }
        }
        true
    }

    /// The rows of a grid.
    pub fn rows(&self, form: FormRef, grid: Grid) -> Option<&Vec<IndicatorRow>> {
        match (form, grid) {
            (FormRef::Overall, Grid::Annual) => Some(&self.overall.indicators),
            (FormRef::Overall, Grid::LongTerm) => None,
            (FormRef::Project(id), Grid::Annual) => self.project(id).map(|p| &p.indicators),
            (FormRef::Project(id), Grid::LongTerm) => {
                self.project(id).map(|p| &p.long_term_indicators)
            }
        }
    }

    pub(crate) fn rows_mut(&mut self, form: FormRef, grid: Grid) -> Option<&mut Vec<IndicatorRow>> {
        match (form, grid) {
            (FormRef::Overall, Grid::Annual) => Some(&mut self.overall.indicators),
            (FormRef::Overall, Grid::LongTerm) => None,
            (FormRef::Project(id), g) => {
                let p = self
                    .projects
                    .iter_mut()
                    .find(|p| p.id == id)
                    .map(Rc::make_mut)?;
                Some(if g == Grid::Annual {
                    &mut p.indicators
                } else {
                    &mut p.long_term_indicators
                })
            }
        }
    }

    /// Sets one cell of an indicator row from typed text; false when there is no such row.
    pub fn set_row_field(
        &mut self,
        form: FormRef,
        grid: Grid,
        row: Id,
        field: RowField,
        text: &str,
    ) -> bool {
        let Some(r) = self
            .rows_mut(form, grid)
            .and_then(|rows| rows.iter_mut().find(|r| r.id == row))
        else {
            return false;
        };
        r.set(field, text);
        true
    }

    /// Inserts a row after `after` (or at the end) in the given 一级/二级 group; returns its id.
    pub fn insert_row(
        &mut self,
        form: FormRef,
        grid: Grid,
        after: Option<Id>,
        level1: &str,
        level2: &str,
    ) -> Option<Id> {
        let id = self.fresh_id();
        let rows = self.rows_mut(form, grid)?;
        let at = after
            .and_then(|a| rows.iter().position(|r| r.id == a))
            .map_or(rows.len(), |i| i + 1);
        rows.insert(
            at,
            IndicatorRow {
                id,
                level1: level1.into(),
                level2: level2.into(),
                ..Default::default()
            },
        );
        Some(id)
    }

    /// Removes a row; false when there is none.
    pub fn remove_row(&mut self, form: FormRef, grid: Grid, row: Id) -> bool {
        let Some(rows) = self.rows_mut(form, grid) else {
            return false;
        };
        let before = rows.len();
        rows.retain(|r| r.id != row);
        before != rows.len()
    }

    /// Moves a row one place; false when it cannot move.
    pub fn move_row(&mut self, form: FormRef, grid: Grid, row: Id, dir: Move) -> bool {
        self.rows_mut(form, grid)
            .is_some_and(|rows| move_in(rows, |r| r.id == row, dir))
    }

    /// Renames the 一级 or 二级 group that `row` starts: the run of consecutive rows sharing its name
    /// (for 二级, within the same 一级). Returns false when there is no such row.
    pub fn rename_group(
        &mut self,
        form: FormRef,
        grid: Grid,
        row: Id,
        level: Level,
        text: &str,
    ) -> bool {
        let Some(rows) = self.rows_mut(form, grid) else {
            return false;
        };
        let Some(start) = rows.iter().position(|r| r.id == row) else {
            return false;
        };
        let key = |r: &IndicatorRow| match level {
            Level::One => (r.level1.clone(), String::new()),
            Level::Two => (r.level1.clone(), r.level2.clone()),
        };
        let old = key(&rows[start]);
        for r in rows[start..].iter_mut() {
            if key(r) != old {
                break;
            }
            match level {
                Level::One => r.level1 = text.to_string(),
                Level::Two => r.level2 = text.to_string(),
            }
        }
        true
    }

    /// Drops every fully empty indicator row of every form; returns how many.
    pub fn drop_empty_rows(&mut self) -> usize {
        let mut n = 0;
        let mut drop = |rows: &mut Vec<IndicatorRow>| {
            let before = rows.len();
            rows.retain(|r| !r.is_empty());
            n += before - rows.len();
        };
        drop(&mut self.overall.indicators);
        for p in self.projects_mut() {
            drop(&mut p.indicators);
            drop(&mut p.long_term_indicators);
        }
        n
    }
}

impl IndicatorRow {
    /// One cell as text.
    pub fn get(&self, field: RowField) -> String {
        match field {
            RowField::Level1 => self.level1.clone(),
            RowField::Level2 => self.level2.clone(),
            RowField::Level3 => self.level3.clone(),
            RowField::Value => self.value.clone(),
            RowField::Sign => self.sign.map(|s| s.label().to_string()).unwrap_or_default(),
            RowField::Number => self.number.to_text(),
            RowField::Unit => self.unit.clone(),
            RowField::Weight => self.weight.to_text(),
            RowField::Score => self.score.to_text(),
            RowField::Direction => self
                .direction
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            RowField::Explanation => self.explanation.clone(),
            RowField::Scoring => self.scoring.clone(),
            RowField::Standard => self
                .standard
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
        }
    }

    /// Sets one cell from typed text (a picker's label for sign, direction and standard).
    pub fn set(&mut self, field: RowField, text: &str) {
        let s = text.to_string();
        match field {
            RowField::Level1 => self.level1 = s,
            RowField::Level2 => self.level2 = s,
            RowField::Level3 => self.level3 = s,
            RowField::Value => self.value = s,
            RowField::Sign => self.sign = label_of(&Sign::ALL, Sign::label, text),
            RowField::Number => self.number = Cell::from_input(text),
            RowField::Unit => self.unit = s,
            RowField::Weight => self.weight = Cell::from_input(text),
            RowField::Score => self.score = Cell::from_input(text),
            RowField::Direction => {
                self.direction = label_of(&Direction::ALL, Direction::label, text)
            }
            RowField::Explanation => self.explanation = s,
            RowField::Scoring => self.scoring = s,
            RowField::Standard => self.standard = label_of(&Standard::ALL, Standard::label, text),
        }
    }
}

fn move_in<T>(items: &mut [T], is_it: impl Fn(&T) -> bool, dir: Move) -> bool {
    let Some(i) = items.iter().position(is_it) else {
        return false;
    };
    let j = match dir {
        Move::Up if i > 0 => i - 1,
        Move::Down if i + 1 < items.len() => i + 1,
        _ => return false,
    };
    items.swap(i, j);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_declaration_has_the_overall_template() {
        let d = Declaration::new_blank("2023");
        assert_eq!(d.overall.year, "2023");
        assert_eq!(d.overall.indicators.len(), 16);
        assert!(d.projects.is_empty());
    }

    #[test]
    fn projects_are_added_moved_and_removed_by_id() {
        let mut d = Declaration::new_blank("2023");
        d.unit_name = "某单位".into();
        let a = d.add_project();
        let b = d.add_project();
        assert_ne!(a, b);
        assert_eq!(d.project(a).unwrap().unit_name, "某单位");
        assert_eq!(d.project(a).unwrap().indicators.len(), 9);
        assert!(d.move_project(b, Move::Up));
        assert_eq!(d.projects[0].id, b);
        assert!(!d.move_project(b, Move::Up));
        assert!(d.remove_project(b));
        assert!(!d.remove_project(b));
        assert_eq!(d.projects.len(), 1);
    }

    #[test]
    fn the_2021_framework_lays_out_cost_as_level1() {
        let mut d = Declaration::new_blank("2023");
        d.profile.framework = Some(Framework::Cost2021);
        let id = d.add_project();
        assert!(d
            .project(id)
            .unwrap()
            .indicators
            .iter()
            .any(|r| r.level1 == "成本指标" && r.level2 == "经济成本指标"));
    }

    #[test]
    fn year_and_unit_follow_into_forms_that_had_the_old_value() {
        let mut d = Declaration::new_blank("2022");
        let p = d.add_project();
        d.set_field(FormRef::Project(p), Field::Year, "2021");
        d.set_year("2023");
        assert_eq!(d.overall.year, "2023");
        assert_eq!(
            d.project(p).unwrap().year,
            "2021",
            "a year typed on the form itself is kept"
        );
        d.set_unit_name("甲单位");
        assert_eq!(d.overall.unit_name, "甲单位");
        assert_eq!(d.project(p).unwrap().unit_name, "甲单位");
    }

    #[test]
    fn fields_round_trip_through_text() {
        let mut d = Declaration::new_blank("2022");
        let p = FormRef::Project(d.add_project());
        assert!(d.set_field(p, Field::Total, "1,234.5"));
        assert_eq!(d.field_text(p, Field::Total).unwrap(), "1234.5");
        assert!(d.set_field(p, Field::Attribute, "延续"));
        assert_eq!(d.field_text(p, Field::Attribute).unwrap(), "延续");
        assert!(!d.set_field(FormRef::Overall, Field::Name, "x"));
        assert!(!d.set_field(FormRef::Project(Id(999)), Field::Name, "x"));
    }

    #[test]
    fn rows_are_inserted_renamed_moved_and_removed() {
        let mut d = Declaration::new_blank("2022");
        let p = FormRef::Project(d.add_project());
        let first = d.rows(p, Grid::Annual).unwrap()[0].id;
        let new = d
            .insert_row(p, Grid::Annual, Some(first), "产出指标", "数量指标")
            .unwrap();
        assert_eq!(d.rows(p, Grid::Annual).unwrap()[1].id, new);
        assert!(d.set_row_field(p, Grid::Annual, new, RowField::Sign, "≥"));
        assert_eq!(
            d.rows(p, Grid::Annual).unwrap()[1].sign,
            Some(Sign::AtLeast)
        );
        assert!(d.rename_group(p, Grid::Annual, first, Level::One, "项目完成"));
        let rows = d.rows(p, Grid::Annual).unwrap();
        assert_eq!(rows.iter().filter(|r| r.level1 == "项目完成").count(), 5);
        assert!(d.move_row(p, Grid::Annual, new, Move::Up));
        assert_eq!(d.rows(p, Grid::Annual).unwrap()[0].id, new);
        assert!(d.remove_row(p, Grid::Annual, new));
        assert!(!d.remove_row(p, Grid::Annual, new));
    }

    #[test]
    fn empty_rows_are_dropped_on_request() {
        let mut d = Declaration::new_blank("2022");
        let n = d.overall.indicators.len();
        d.overall.indicators[0].value = "32名".into();
        assert_eq!(d.drop_empty_rows(), n - 1);
    }

    #[test]
    fn ids_are_repaired_when_missing_or_repeated() {
        let mut d = Declaration::new_blank("2022");
        d.add_project();
        d.add_project();
        d.project_at_mut(1).id = d.projects[0].id;
        d.overall.indicators[0].id = Id(0);
        d.ensure_ids();
        let mut all: Vec<u32> = d.overall.indicators.iter().map(|r| r.id.0).collect();
        for p in &d.projects {
            all.push(p.id.0);
            all.extend(p.indicators.iter().map(|r| r.id.0));
        }
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
        assert!(!all.contains(&0));
    }
}
