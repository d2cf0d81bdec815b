//! Suggested fixes: what one click would change, applied to the model without the page.

use crate::model::{Declaration, Path};
use crate::text::Span;
use serde::Serialize;

/// A change that resolves a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fix {
    /// Set a field or cell to a new text.
    Set {
        /// Where.
        path: Path,
        /// The new text.
        text: String,
    },
    /// Replace part of a free-text field or cell.
    Replace {
        /// Where.
        path: Path,
        /// Which chars.
        span: Span,
        /// The text that must stand there for the fix to apply.
        expect: String,
        /// The replacement.
        with: String,
    },
    /// Drop the fully empty indicator rows.
    DropEmptyRows,
}

impl Fix {
    /// The same fix for another field or cell (one that holds the same text).
    pub(crate) fn at(&self, to: Path) -> Fix {
        let mut fix = self.clone();
        match &mut fix {
            Fix::Set { path, .. } | Fix::Replace { path, .. } => *path = to,
            Fix::DropEmptyRows => {}
        }
        fix
    }

    /// What the button says ("改为 921.84").
    pub fn label(&self) -> String {
        match self {
            Fix::Set { text, .. } => format!("改为“{text}”"),
            Fix::Replace { with, .. } if with.is_empty() => "删除".to_string(),
            Fix::Replace { with, .. } => format!("改为“{with}”"),
            Fix::DropEmptyRows => "删除空白行".to_string(),
        }
    }

    /// Applies the fix; false when its place no longer exists or no longer has that text.
    pub fn apply(&self, d: &mut Declaration) -> bool {
        match self {
            Fix::Set { path, text } => set_text(d, *path, text),
            Fix::Replace {
                path,
                span,
                expect,
                with,
            } => {
                let Some(current) = get_text(d, *path) else {
                    return false;
                };
                let chars: Vec<char> = current.chars().collect();
                if span.end > chars.len()
                    || span.start > span.end
                    || chars[span.start..span.end].iter().collect::<String>() != *expect
                {
                    return false;
                }
                let new: String = chars[..span.start]
                    .iter()
                    .chain(with.chars().collect::<Vec<_>>().iter())
                    .chain(chars[span.end..].iter())
                    .collect();
                set_text(d, *path, &new)
            }
            Fix::DropEmptyRows => d.drop_empty_rows() > 0,
        }
    }
}

/// The text at a path.
pub fn get_text(d: &Declaration, path: Path) -> Option<String> {
    match path {
        Path::DeclarationYear => Some(d.year.clone()),
        Path::DeclarationUnit => Some(d.unit_name.clone()),
        Path::Field(form, field) => d.field_text(form, field),
        Path::Cell(form, grid, row, field) => d
            .rows(form, grid)?
            .iter()
            .find(|r| r.id == row)
            .map(|r| r.get(field)),
        Path::Form(_) | Path::Grid(..) => None,
    }
}

fn set_text(d: &mut Declaration, path: Path, text: &str) -> bool {
    match path {
        Path::DeclarationYear => {
            d.set_year(text);
            true
        }
        Path::DeclarationUnit => {
            d.set_unit_name(text);
            true
        }
        Path::Field(form, field) => d.set_field(form, field, text),
        Path::Cell(form, grid, row, field) => d.set_row_field(form, grid, row, field, text),
        Path::Form(_) | Path::Grid(..) => false,
    }
}
