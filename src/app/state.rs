//! Editor state and its one pure reducer: every user edit is an [`Action`]; no I/O happens here.

use crate::model::edit::{Level, Move};
use crate::model::{Declaration, Field, FormRef, Grid, Id, RowField};
use std::rc::Rc;
use yew::Reducible;

/// A message shown above the forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Error (red) or information (blue).
    pub is_error: bool,
    /// The Chinese text.
    pub text: String,
}

/// Everything the editor shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The declaration being edited.
    pub declaration: Rc<Declaration>,
    /// The form on screen.
    pub active: FormRef,
    /// The latest notice, if any.
    pub notice: Option<Notice>,
}

impl Editor {
    /// An editor over a declaration, showing the overall form.
    pub fn new(declaration: Declaration, notice: Option<Notice>) -> Editor {
        Editor {
            declaration: Rc::new(declaration),
            active: FormRef::Overall,
            notice,
        }
    }
}

/// Every change the user can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set the declaration's budget year.
    SetYear { text: String },
    /// Set the declaration's unit name.
    SetUnitName { text: String },
    /// Set a header field of a form.
    SetField {
        form: FormRef,
        field: Field,
        text: String,
    },
    /// Set a cell of an indicator row.
    SetRowField {
        form: FormRef,
        grid: Grid,
        row: Id,
        field: RowField,
        text: String,
    },
    /// Rename the 一级 or 二级 group starting at a row.
    RenameGroup {
        form: FormRef,
        grid: Grid,
        row: Id,
        level: Level,
        text: String,
    },
    /// Insert an indicator row.
    InsertRow {
        form: FormRef,
        grid: Grid,
        after: Option<Id>,
        level1: String,
        level2: String,
    },
    /// Remove an indicator row.
    RemoveRow { form: FormRef, grid: Grid, row: Id },
    /// Move an indicator row.
    MoveRow {
        form: FormRef,
        grid: Grid,
        row: Id,
        dir: Move,
    },
    /// Add a project form and show it.
    AddProject,
    /// Remove a project form.
    RemoveProject { id: Id },
    /// Move a project form.
    MoveProject { id: Id, dir: Move },
    /// Show a form.
    Open { form: FormRef },
    /// Replace the whole declaration (新建, 载入示例, 导入 JSON); a notice says what happened.
    Replace {
        declaration: Declaration,
        notice: Option<Notice>,
    },
    /// Change the checker profile's framework choice ("" = detect).
    SetFramework { key: String },
    /// Drop fully empty indicator rows.
    DropEmptyRows,
    /// Show a notice without changing the declaration.
    Notify { notice: Notice },
    /// Close the notice.
    DismissNotice,
}

impl Reducible for Editor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let d = Rc::make_mut(&mut next.declaration);
        let changed = match action {
            Action::SetYear { text } => {
                d.set_year(&text);
                true
            }
            Action::SetUnitName { text } => {
                d.set_unit_name(&text);
                true
            }
            Action::SetField { form, field, text } => d.set_field(form, field, &text),
            Action::SetRowField {
                form,
                grid,
                row,
                field,
                text,
            } => d.set_row_field(form, grid, row, field, &text),
            Action::RenameGroup {
                form,
                grid,
                row,
                level,
                text,
            } => d.rename_group(form, grid, row, level, &text),
            Action::InsertRow {
                form,
                grid,
                after,
                level1,
                level2,
            } => d.insert_row(form, grid, after, &level1, &level2).is_some(),
            Action::RemoveRow { form, grid, row } => d.remove_row(form, grid, row),
            Action::MoveRow {
                form,
                grid,
                row,
                dir,
            } => d.move_row(form, grid, row, dir),
            Action::AddProject => {
                let id = d.add_project();
                next.active = FormRef::Project(id);
                true
            }
            Action::RemoveProject { id } => {
                let removed = d.remove_project(id);
                if next.active == FormRef::Project(id) {
                    next.active = FormRef::Overall;
                }
                removed
            }
            Action::MoveProject { id, dir } => d.move_project(id, dir),
            Action::Open { form } => {
                if next.active == form {
                    return self;
                }
                next.active = form;
                true
            }
            Action::Replace {
                declaration,
                notice,
            } => {
                return Rc::new(Editor::new(declaration, notice));
            }
            Action::SetFramework { key } => {
                d.profile.framework = crate::model::Framework::ALL
                    .into_iter()
                    .find(|f| framework_key(*f) == key);
                true
            }
            Action::DropEmptyRows => {
                let n = d.drop_empty_rows();
                next.notice = Some(Notice {
                    is_error: false,
                    text: format!("已删除 {n} 个空白指标行"),
                });
                true
            }
            Action::Notify { notice } => {
                next.notice = Some(notice);
                true
            }
            Action::DismissNotice => {
                if next.notice.is_none() {
                    return self;
                }
                next.notice = None;
                true
            }
        };
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// The key a framework has in pickers.
pub fn framework_key(f: crate::model::Framework) -> &'static str {
    match f {
        crate::model::Framework::Classic => "classic",
        crate::model::Framework::Cost2021 => "cost-2021",
    }
}
