//! Editor state and its one pure reducer: every user action is an [`Action`]; no I/O happens here.
//!
//! The state holds the declaration, what is on screen, which fields the user has touched (errors
//! show there, or everywhere after 全部检查), and the undo/redo history of declarations.

use crate::check::Fix;
use crate::model::edit::{Level, Move};
use crate::model::paste::{Pasted, Table};
use crate::model::{Declaration, Field, FormRef, Grid, Id, Path, RowField};
use std::rc::Rc;
use yew::Reducible;

/// How many undo steps are kept.
const HISTORY: usize = 200;

/// A message shown above the forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Error (red) or information (blue).
    pub is_error: bool,
    /// The Chinese text.
    pub text: String,
}

impl Notice {
    /// An information notice.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            is_error: false,
            text: text.into(),
        }
    }

    /// An error notice.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            is_error: true,
            text: text.into(),
        }
    }
}

/// A declaration as the page holds it: shared, and compared by identity. The reducer makes a new
/// one for every change, so the same pointer means unchanged, and no comparison in a render walks
/// a large declaration (a keystroke in project 100 of 200 compared ~3,000 rows several times).
#[derive(Debug, Clone)]
pub struct Shared(Rc<Declaration>);

impl Shared {
    /// Shares a declaration.
    pub fn new(declaration: Declaration) -> Shared {
        Shared(Rc::new(declaration))
    }

    /// The declaration to change in place (copied first when it is shared).
    pub fn make_mut(&mut self) -> &mut Declaration {
        Rc::make_mut(&mut self.0)
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Declaration;
    fn deref(&self) -> &Declaration {
        &self.0
    }
}

/// Everything the editor shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The declaration being edited.
    pub declaration: Shared,
    /// The form on screen.
    pub active: FormRef,
    /// The latest notice, if any.
    pub notice: Option<Notice>,
    /// DOM ids of the fields the user has left after editing; their errors show inline.
    pub touched: Rc<crate::app::findings::Touched>,
    /// Show every finding inline (after 全部检查, or for a declaration loaded from a file).
    pub show_all: bool,
    /// Earlier declarations, newest last.
    pub past: Vec<Shared>,
    /// Undone declarations, newest last.
    pub future: Vec<Shared>,
    /// The field the last edit typed into: consecutive typing in one field is one undo step.
    last_edit: Option<Path>,
}

impl Editor {
    /// An editor over a declaration, showing the overall form.
    pub fn new(declaration: Declaration, notice: Option<Notice>, show_all: bool) -> Editor {
        Editor {
            declaration: Shared::new(declaration),
            active: FormRef::Overall,
            notice,
            touched: Rc::default(),
            show_all,
            past: Vec::new(),
            future: Vec::new(),
            last_edit: None,
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// Every change the user can make.
#[derive(Debug, PartialEq)]
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
    /// Paste a table copied from Word, WPS or Excel into a grid at a row and field; `order` is
    /// the grid's columns as shown (see [`Declaration::paste_table`]).
    PasteTable {
        form: FormRef,
        grid: Grid,
        row: Id,
        field: RowField,
        order: &'static [RowField],
        table: Table,
    },
    /// Paste a table copied from a form (its labels, its grid) into one of the form's fields.
    PasteForm { form: FormRef, table: Table },
    /// Add a project form and show it.
    AddProject,
    /// Remove a project form.
    RemoveProject { id: Id },
    /// Move a project form.
    MoveProject { id: Id, dir: Move },
    /// Change the checker profile's framework choice ("" = detect).
    SetFramework { key: String },
    /// Mark the project forms as the unit's complete set, or not.
    SetProjectSetComplete { complete: bool },
    /// Replace the checker profile (检查设置).
    SetProfile { profile: crate::model::Profile },
    /// Apply a suggested fix.
    ApplyFix { fix: Fix },
    /// Replace the whole declaration (新建, 载入示例, 导入 JSON); a notice says what happened.
    Replace {
        declaration: Declaration,
        notice: Option<Notice>,
        show_all: bool,
    },
    /// Undo the last change of the declaration.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show a form.
    Open { form: FormRef },
    /// The user left a field after editing it.
    Touch { id: String },
    /// 全部检查: show every finding inline.
    CheckAll,
    /// Show a notice without changing the declaration.
    Notify { notice: Notice },
    /// Close the notice.
    DismissNotice,
}

impl Action {
    /// The field an edit types into, for grouping keystrokes into one undo step.
    fn typing_target(&self) -> Option<Path> {
        match *self {
            Action::SetYear { .. } => Some(Path::DeclarationYear),
            Action::SetUnitName { .. } => Some(Path::DeclarationUnit),
            Action::SetField { form, field, .. } => Some(Path::Field(form, field)),
            Action::SetRowField {
                form,
                grid,
                row,
                field,
                ..
            } => Some(Path::Cell(form, grid, row, field)),
            Action::RenameGroup {
                form,
                grid,
                row,
                level,
                ..
            } => {
                let field = match level {
                    Level::One => RowField::Level1,
                    Level::Two => RowField::Level2,
                };
                Some(Path::Cell(form, grid, row, field))
            }
            _ => None,
        }
    }
}

/// Applies an edit to a declaration; false when nothing changed.
fn edit(d: &mut Declaration, action: &Action) -> bool {
    match action {
        Action::SetYear { text } => {
            d.set_year(text);
            true
        }
        Action::SetUnitName { text } => {
            d.set_unit_name(text);
            true
        }
        Action::SetField { form, field, text } => d.set_field(*form, *field, text),
        Action::SetRowField {
            form,
            grid,
            row,
            field,
            text,
        } => d.set_row_field(*form, *grid, *row, *field, text),
        Action::RenameGroup {
            form,
            grid,
            row,
            level,
            text,
        } => d.rename_group(*form, *grid, *row, *level, text),
        Action::InsertRow {
            form,
            grid,
            after,
            level1,
            level2,
        } => d.insert_row(*form, *grid, *after, level1, level2).is_some(),
        Action::RemoveRow { form, grid, row } => d.remove_row(*form, *grid, *row),
        Action::MoveRow {
            form,
            grid,
            row,
            dir,
        } => d.move_row(*form, *grid, *row, *dir),
        Action::RemoveProject { id } => d.remove_project(*id),
        Action::MoveProject { id, dir } => d.move_project(*id, *dir),
        Action::SetFramework { key } => {
            d.profile.framework = crate::model::Framework::from_key(key);
            true
        }
        Action::SetProjectSetComplete { complete } => {
            d.profile.project_set_complete = *complete;
            true
        }
        Action::SetProfile { profile } => {
            let changed = d.profile != *profile;
            d.profile = profile.clone();
            changed
        }
        Action::ApplyFix { fix } => fix.apply(d),
        _ => false,
    }
}

impl Reducible for Editor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Open { form } => {
                if next.active == form {
                    return self;
                }
                next.active = form;
            }
            Action::Touch { id } => {
                if next.show_all || next.touched.holds(&id) {
                    return self;
                }
                Rc::make_mut(&mut next.touched).add(id);
            }
            Action::CheckAll => next.show_all = true,
            Action::Notify { notice } => next.notice = Some(notice),
            Action::DismissNotice => {
                if next.notice.is_none() {
                    return self;
                }
                next.notice = None;
            }
            Action::Undo => {
                let Some(previous) = next.past.pop() else {
                    return self;
                };
                next.future
                    .push(std::mem::replace(&mut next.declaration, previous));
                next.last_edit = None;
                next.keep_active_form();
            }
            Action::Redo => {
                let Some(later) = next.future.pop() else {
                    return self;
                };
                next.past
                    .push(std::mem::replace(&mut next.declaration, later));
                next.last_edit = None;
                next.keep_active_form();
            }
            Action::Replace {
                declaration,
                notice,
                show_all,
            } => {
                next.record(None);
                next.declaration = Shared::new(declaration);
                next.active = FormRef::Overall;
                next.notice = notice;
                next.show_all = show_all;
                next.touched = Rc::default();
            }
            Action::PasteTable {
                form,
                grid,
                row,
                field,
                order,
                table,
            } => {
                let mut d = (*next.declaration).clone();
                let pasted = d.paste_table(form, grid, row, field, order, &table);
                next.pasted(d, form, pasted);
            }
            Action::PasteForm { form, table } => {
                let mut d = (*next.declaration).clone();
                let pasted = d.paste_form(form, &table);
                next.pasted(d, form, pasted);
            }
            Action::AddProject => {
                next.record(None);
                let d = next.declaration.make_mut();
                next.active = FormRef::Project(d.add_project());
            }
            other => {
                let mut d = (*next.declaration).clone();
                if !edit(&mut d, &other) {
                    return self;
                }
                next.record(other.typing_target());
                next.declaration = Shared::new(d);
                if let Action::ApplyFix { .. } | Action::RemoveProject { .. } = other {
                    next.keep_active_form();
                }
            }
        }
        Rc::new(next)
    }
}

/// What the notice says after a paste: which fields, how many rows, what had nowhere to go.
fn pasted_notice(p: &Pasted, form: FormRef) -> String {
    let mut text = String::new();
    if !p.fields.is_empty() {
        let labels: Vec<&str> = p.fields.iter().map(|f| f.label_on(form)).collect();
        text += &format!("已填入{}。", crate::model::joined(&labels, "、"));
    }
    if p.rows > 0 {
        text += &format!("已粘贴 {} 行指标", p.rows);
        if p.added > 0 {
            text += &format!("（其中新增 {} 行）", p.added);
        }
        text += "。";
    }
    if !p.left_out.is_empty() {
        text += &format!(
            "未粘贴的列：{}（本表没有对应的栏目）。",
            crate::model::joined(&p.left_out, "、")
        );
    }
    if !p.unread.is_empty() {
        text += &format!(
            "未粘贴的取值：{}（不在可选项中，可在“详”中选择）。",
            crate::model::joined(&p.unread, "、")
        );
    }
    text + "如有误，可点“撤销”还原。"
}

impl Editor {
    /// Takes a pasted declaration, or says why nothing was pasted.
    fn pasted(&mut self, d: Declaration, form: FormRef, pasted: Option<Pasted>) {
        self.notice = Some(match pasted {
            Some(p) => {
                self.record(None);
                self.declaration = Shared::new(d);
                Notice::info(pasted_notice(&p, form))
            }
            None => Notice::error("粘贴的表格中没有可填入的指标行或栏目，未作改动。"),
        });
    }

    /// Pushes the current declaration on the undo stack, unless this edit continues typing in the same field.
    fn record(&mut self, target: Option<Path>) {
        let continues = target.is_some() && target == self.last_edit;
        if !continues {
            self.past.push(self.declaration.clone());
            if self.past.len() > HISTORY {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.last_edit = target;
    }

    /// Falls back to the overall form when the form on screen no longer exists.
    fn keep_active_form(&mut self) {
        if let FormRef::Project(id) = self.active {
            if self.declaration.project(id).is_none() {
                self.active = FormRef::Overall;
            }
        }
    }
}
