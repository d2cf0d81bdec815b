//! The tab strip: one tab per form with its error and warning counts, and 新增项目表.

use crate::app::state::Action;
use crate::model::FormRef;
use yew::prelude::*;

/// One tab: which form, its title, its counts.
#[derive(Clone, PartialEq)]
pub struct Tab {
    /// The form it opens.
    pub form: FormRef,
    /// "整体支出表", the project's name, or "项目 N".
    pub title: String,
    /// Errors on the form.
    pub errors: usize,
    /// Warnings on the form.
    pub warnings: usize,
}

/// Props of the tab strip. Typing renders it again only when a title, a count or the selection
/// changes (a 200-project declaration has 201 tabs; the page's dispatch callback never changes).
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// Every form's tab, the overall form first.
    pub tabs: Vec<Tab>,
    /// The form on screen.
    pub active: FormRef,
    /// Opens a form, adds a project.
    pub dispatch: Callback<Action>,
}

/// The tab strip.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let tab = |t: &Tab| {
        let form = t.form;
        let selected = props.active == form;
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::Open { form });
        let (errors, warnings) = (t.errors, t.warnings);
        let full = format!("{}：错误 {errors}，警告 {warnings}", t.title);
        let short: String = if t.title.chars().count() > 12 {
            t.title.chars().take(11).chain(['…']).collect()
        } else {
            t.title.clone()
        };
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} title={full.clone()} aria-label={full}
                class={classes!("tab", selected.then_some("active"))} {onclick}>
                {short}
                if errors > 0 { <span class="badge sev-error" aria-hidden="true">{errors}</span> }
                if warnings > 0 { <span class="badge sev-warning" aria-hidden="true">{warnings}</span> }
            </button>
        }
    };
    let add_project = props.dispatch.reform(|_: MouseEvent| Action::AddProject);
    html! {
        <nav class="tabs" role="tablist" aria-label="申报表">
            { for props.tabs.iter().map(tab) }
            <button type="button" class="tab add" onclick={add_project}>{"＋ 新增项目表"}</button>
        </nav>
    }
}
