//! Findings on the page: an index by DOM id that every input reads from context, and the inline
//! list under a field with its suggested fixes.

use crate::app::state::Action;
use crate::check::{Finding, Report, Severity};
use crate::model::FormRef;
use std::rc::Rc;
use yew::prelude::*;

/// What the form views need to give each field its own findings (read from context by the views,
/// passed to each input as props so an input renders again only when its own findings change).
#[derive(Clone)]
pub struct Shown {
    /// Findings by the DOM id of the place they point at, sorted by id.
    pub by_id: Rc<ById>,
    /// Fields the user has left after editing.
    pub touched: Rc<Touched>,
    /// Show every finding inline.
    pub show_all: bool,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.by_id, &other.by_id)
            && Rc::ptr_eq(&self.touched, &other.touched)
            && self.show_all == other.show_all
    }
}

impl Shown {
    /// Nothing to show (outside a provider).
    pub fn empty() -> Shown {
        Shown {
            by_id: Rc::default(),
            touched: Rc::default(),
            show_all: false,
        }
    }

    /// Indexes by DOM id the findings of the form on screen and of the declaration header (the
    /// only ones shown inline), so a large declaration does not copy every finding per keystroke.
    pub fn index(report: &Report, on_screen: FormRef) -> ById {
        let mut by_id: ById = Vec::new();
        for f in report
            .findings
            .iter()
            .filter(|f| f.path.form().is_none_or(|form| form == on_screen))
        {
            let id = f.path.dom_id();
            match by_id.binary_search_by(|(k, _)| k.as_str().cmp(&id)) {
                Ok(k) => by_id[k].1.push(f.clone()),
                Err(k) => by_id.insert(k, (id, vec![f.clone()])),
            }
        }
        by_id
    }

    /// The findings to show at a field, owned, for an input's props.
    pub fn problems(&self, id: &str) -> Vec<Rc<Finding>> {
        self.at(id).into_iter().cloned().collect()
    }

    /// The findings to show at a field: all after 全部检查 or once touched; before that only
    /// warnings and infos, so a fresh form is not covered in errors.
    pub fn at(&self, id: &str) -> Vec<&Rc<Finding>> {
        let visible = self.show_all || self.touched.holds(id);
        let found = self.by_id.binary_search_by(|(k, _)| k.as_str().cmp(id));
        found.map_or_else(
            |_| Vec::new(),
            |k| {
                (self.by_id[k].1.iter())
                    .filter(|f| visible || f.severity != Severity::Error)
                    .collect()
            },
        )
    }
}

/// Findings by DOM id, sorted by id (a few hundred on screen: a sorted list is smaller code in
/// the page than a hash map, and as quick).
pub type ById = Vec<(String, Vec<Rc<Finding>>)>;

/// The DOM ids of the fields the user has left after editing, sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touched(Vec<String>);

impl Touched {
    /// Whether the field was touched.
    pub fn holds(&self, id: &str) -> bool {
        self.0.binary_search_by(|k| k.as_str().cmp(id)).is_ok()
    }

    /// Marks a field as touched.
    pub fn add(&mut self, id: String) {
        if let Err(k) = self.0.binary_search(&id) {
            self.0.insert(k, id);
        }
    }
}

/// The CSS class of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// ARIA and class state of an input with findings: (aria-invalid, aria-describedby, class).
pub fn field_state(
    problems: &[Rc<Finding>],
    id: &str,
) -> (Option<AttrValue>, Option<AttrValue>, Option<&'static str>) {
    let worst = problems.iter().map(|f| f.severity).min();
    let invalid = (worst == Some(Severity::Error)).then_some(AttrValue::Static("true"));
    let described = worst.map(|_| AttrValue::from(format!("{id}-problems")));
    (invalid, described, worst.map(severity_class))
}

/// Props of the inline list of a field's findings.
#[derive(Properties, PartialEq)]
pub struct FieldProblemsProps {
    /// The field's DOM id.
    pub id: AttrValue,
    /// The findings to show.
    pub problems: Vec<Rc<Finding>>,
    /// Where a fix goes.
    pub dispatch: Callback<Action>,
}

/// The findings of one field, under it, each with its fix button.
#[component]
pub fn FieldProblems(props: &FieldProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <ul id={format!("{}-problems", props.id)} class="field-problems">
            { for props.problems.iter().map(|f| {
                let fix = f.fix.clone().map(|fix| {
                    let label = fix.label();
                    let dispatch = props.dispatch.clone();
                    html! { <button type="button" class="fix" onclick={Callback::from(move |_| dispatch.emit(Action::ApplyFix { fix: fix.clone() }))}>{label}</button> }
                });
                html! {
                    <li class={severity_class(f.severity)}>
                        <span class="sev-label">{f.severity.label()}</span>
                        <span class="rule">{f.rule}</span>
                        {" "}{f.message()}
                        { for fix }
                    </li>
                }
            }) }
        </ul>
    }
}
