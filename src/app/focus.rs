//! Taking the user to a place: open its form (done by the caller), scroll to the field, focus it,
//! and select the characters a finding is about.

use crate::model::{Path, RowField};
use crate::text::Span;
use wasm_bindgen::JsCast;

/// The DOM ids to try for a path, best first: the field itself, then what shows it when the field
/// is not on screen (a row's value for a collapsed detail or a grouped name, else its grid).
fn candidates(path: Path) -> Vec<String> {
    let mut ids = vec![path.dom_id()];
    if let Path::Cell(form, grid, row, field) = path {
        if field != RowField::Value {
            ids.push(Path::Cell(form, grid, row, RowField::Value).dom_id());
        }
        ids.push(Path::Grid(form, grid).dom_id());
    }
    if let Some(form) = path.form() {
        ids.push(Path::Form(form).dom_id());
    }
    ids
}

/// UTF-16 offset of a char offset in a text (JS selection ranges count UTF-16 units).
fn utf16_offset(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

/// Focuses the place; true when an element was found.
pub fn focus_place(path: Path, span: Option<Span>) -> bool {
    let document = gloo::utils::document();
    let Some(element) = candidates(path)
        .iter()
        .find_map(|id| document.get_element_by_id(id))
    else {
        return false;
    };
    element.scroll_into_view();
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    if let Some(span) = span {
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let v = input.value();
            let _ =
                input.set_selection_range(utf16_offset(&v, span.start), utf16_offset(&v, span.end));
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let v = area.value();
            let _ =
                area.set_selection_range(utf16_offset(&v, span.start), utf16_offset(&v, span.end));
        }
    }
    true
}
