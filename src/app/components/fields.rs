//! Input widgets: text, long text, money and pickers. Controlled, emitting raw strings; parsing is
//! the model's. Each shows the findings it is given (aria-invalid, aria-describedby, the list
//! under it) and reports when the user leaves it.
//!
//! Props compare without their callbacks: a field's id fixes what its callback does (the id is the
//! model's path), so an unchanged field is not rendered again on every keystroke elsewhere.

use crate::app::findings::{field_state, FieldProblems};
use crate::app::state::Action;
use crate::check::Finding;
use crate::model::{Amount, Cell};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A button's click: dispatches the action `make` builds (built at each click, so actions need
/// no copying).
pub fn on_click(
    dispatch: &Callback<Action>,
    make: impl Fn() -> Action + 'static,
) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.emit(make()))
}

/// The blur handler that marks a field as touched.
fn touch(dispatch: &Callback<Action>, id: &AttrValue) -> Callback<FocusEvent> {
    let id = id.to_string();
    dispatch.reform(move |_: FocusEvent| Action::Touch { id: id.clone() })
}

/// Props of a one-line or multi-line text input.
#[derive(Properties)]
pub struct TextInputProps {
    /// DOM id (from the model's path).
    pub id: AttrValue,
    /// Accessible name (the visible label may sit elsewhere in the table).
    pub label: AttrValue,
    /// Current text.
    pub value: AttrValue,
    /// Called with the raw text on every input.
    pub on_input: Callback<String>,
    /// Touches and fixes go here.
    pub dispatch: Callback<Action>,
    /// The findings to show under the field.
    #[prop_or_default]
    pub problems: Vec<Rc<Finding>>,
    /// A textarea instead of an input.
    #[prop_or_default]
    pub multiline: bool,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Extra CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// Suggestions (a datalist id).
    #[prop_or_default]
    pub list: Option<AttrValue>,
}

impl PartialEq for TextInputProps {
    fn eq(&self, o: &Self) -> bool {
        (
            &self.id,
            &self.label,
            &self.value,
            &self.problems,
            self.multiline,
            &self.placeholder,
            &self.class,
            &self.list,
        ) == (
            &o.id,
            &o.label,
            &o.value,
            &o.problems,
            o.multiline,
            &o.placeholder,
            &o.class,
            &o.list,
        )
    }
}

/// A text input or textarea, with its findings under it.
#[component]
pub fn TextInput(props: &TextInputProps) -> Html {
    let TextInputProps {
        id,
        label,
        value,
        on_input,
        dispatch,
        problems,
        multiline,
        placeholder,
        class,
        list,
    } = props;
    let (invalid, described, sev) = field_state(problems, id);
    let onblur = touch(dispatch, id);
    let input = if *multiline {
        let oninput = on_input
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        let rows = (value.chars().count() / 40 + 1).clamp(2, 12).to_string();
        html! {
            <textarea id={id.clone()} aria-label={label.clone()} class={classes!("text", class.clone(), sev)}
                aria-invalid={invalid} aria-describedby={described}
                value={value.clone()} {oninput} {onblur} placeholder={placeholder.clone()} rows={rows} />
        }
    } else {
        let oninput =
            on_input.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <input id={id.clone()} type="text" aria-label={label.clone()} class={classes!("text", class.clone(), sev)}
                aria-invalid={invalid} aria-describedby={described}
                value={value.clone()} {oninput} {onblur} placeholder={placeholder.clone()} list={list.clone()} />
        }
    };
    html! { <>{input}<FieldProblems id={id.clone()} problems={problems.clone()} dispatch={dispatch.clone()} /></> }
}

/// Props of a money input.
#[derive(Properties)]
pub struct MoneyInputProps {
    /// DOM id.
    pub id: AttrValue,
    /// Accessible name.
    pub label: AttrValue,
    /// The cell as the model holds it.
    pub cell: Amount,
    /// Called with the raw text on every input.
    pub on_input: Callback<String>,
    /// Touches and fixes go here.
    pub dispatch: Callback<Action>,
    /// The findings to show under the field.
    #[prop_or_default]
    pub problems: Vec<Rc<Finding>>,
}

impl PartialEq for MoneyInputProps {
    fn eq(&self, o: &Self) -> bool {
        (&self.id, &self.label, &self.cell, &self.problems)
            == (&o.id, &o.label, &o.cell, &o.problems)
    }
}

/// A money input in 万元. While focused it shows exactly what is typed ("1,234.5"); the note below
/// says what will be stored ("1234.5").
#[component]
pub fn MoneyInput(props: &MoneyInputProps) -> Html {
    let MoneyInputProps {
        id,
        label,
        cell,
        on_input,
        dispatch,
        problems,
    } = props;
    let typing = use_state(|| None::<String>);
    let (findings_invalid, findings_described, sev) = field_state(problems, id);
    let stored = cell.to_text();
    let typed = typing.as_ref().cloned().unwrap_or_else(|| stored.clone());
    let oninput = {
        let typing = typing.clone();
        let on_input = on_input.clone();
        Callback::from(move |e: InputEvent| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            typing.set(Some(raw.clone()));
            on_input.emit(raw);
        })
    };
    let onblur = {
        let typing = typing.clone();
        let touch = touch(dispatch, id);
        Callback::from(move |e: FocusEvent| {
            typing.set(None);
            touch.emit(e);
        })
    };
    // What a number will be stored as. Text that is no number is the checker's to explain
    // (M1, under the field): "无" where there are no other funds is read as 0, "250万" is
    // 250 万元 with the unit typed twice, "abc" is an error once the field is touched.
    let note_id = format!("{id}-note");
    let note = (matches!(cell, Cell::Value(_)) && typed.trim() != stored)
        .then(|| format!("将保存为 {stored} 万元"));
    let described: Vec<String> = note
        .as_ref()
        .map(|_| note_id.clone())
        .into_iter()
        .chain(findings_described.map(|d| d.to_string()))
        .collect();
    html! {
        <span class="money">
            <input id={id.clone()} type="text" inputmode="decimal" aria-label={label.clone()}
                class={classes!("text", "amount", sev)}
                aria-invalid={findings_invalid}
                aria-describedby={(!described.is_empty()).then(|| crate::model::joined(&described, " "))}
                value={typed} {oninput} {onblur} />
            <span class="unit">{"万元"}</span>
            if let Some(text) = note {
                <span id={note_id} class="note">{text}</span>
            }
            <FieldProblems id={id.clone()} problems={problems.clone()} dispatch={dispatch.clone()} />
        </span>
    }
}

/// Props of a picker.
#[derive(Properties)]
pub struct PickProps {
    /// DOM id.
    pub id: AttrValue,
    /// Accessible name.
    pub label: AttrValue,
    /// The chosen option's value ("" = none).
    pub value: AttrValue,
    /// (value, shown text) of each option; an empty first option is added.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// Text of the empty option.
    #[prop_or(AttrValue::Static("（未填）"))]
    pub empty: AttrValue,
    /// Called with the chosen value.
    pub on_change: Callback<String>,
    /// Fixes go here.
    pub dispatch: Callback<Action>,
    /// The findings to show under the field.
    #[prop_or_default]
    pub problems: Vec<Rc<Finding>>,
}

impl PartialEq for PickProps {
    fn eq(&self, o: &Self) -> bool {
        (
            &self.id,
            &self.label,
            &self.value,
            &self.options,
            &self.empty,
            &self.problems,
        ) == (&o.id, &o.label, &o.value, &o.options, &o.empty, &o.problems)
    }
}

/// A select with an empty first option.
#[component]
pub fn Pick(props: &PickProps) -> Html {
    let onchange = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let (invalid, described, sev) = field_state(&props.problems, &props.id);
    html! {
        <>
        <select id={props.id.clone()} aria-label={props.label.clone()} {onchange} class={classes!(sev)}
            aria-invalid={invalid} aria-describedby={described}>
            <option value="" selected={props.value.is_empty()}>{props.empty.clone()}</option>
            { for props.options.iter().map(|(v, t)| html! {
                <option value={v.clone()} selected={*v == props.value}>{t.clone()}</option>
            }) }
        </select>
        <FieldProblems id={props.id.clone()} problems={props.problems.clone()} dispatch={props.dispatch.clone()} />
        </>
    }
}
