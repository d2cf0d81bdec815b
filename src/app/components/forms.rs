//! The two paper forms as editable tables: the unit-overall form and a project form.

use super::fields::{on_click, MoneyInput, Pick, TextInput};
use super::grid::IndicatorGrid;
use crate::app::findings::{FieldProblems, Shown};
use crate::app::state::Action;
use crate::app::state::Shared;
use crate::model::edit::Move;
use crate::model::framework::OVERALL_CATEGORIES;
use crate::model::paste::holds_a_form;
use crate::model::{Amount, Field, FormRef, Grid, Money, Path, ProjectAttribute};
use yew::prelude::*;

/// Props of a form view.
#[derive(Properties, PartialEq)]
pub struct FormViewProps {
    /// The declaration.
    pub declaration: Shared,
    /// Which form.
    pub form: FormRef,
    /// Sends edits.
    pub dispatch: Callback<Action>,
}

fn field_id(form: FormRef, field: Field) -> AttrValue {
    AttrValue::from(Path::Field(form, field).dom_id())
}

fn text_input(
    p: &FormViewProps,
    shown: &Shown,
    field: Field,
    multiline: bool,
    placeholder: &'static str,
) -> Html {
    let form = p.form;
    let value = p.declaration.field_text(form, field).unwrap_or_default();
    let id = field_id(form, field);
    html! {
        <TextInput id={id.clone()} label={field.label_on(form)} {value} {multiline} placeholder={placeholder}
            problems={shown.problems(&id)} dispatch={p.dispatch.clone()}
            on_input={p.dispatch.reform(move |text| Action::SetField { form, field, text })} />
    }
}

fn money_input(p: &FormViewProps, shown: &Shown, field: Field, cell: &Amount) -> Html {
    let form = p.form;
    let id = field_id(form, field);
    html! {
        <MoneyInput id={id.clone()} label={field.label_on(form)} cell={cell.clone()}
            problems={shown.problems(&id)} dispatch={p.dispatch.clone()}
            on_input={p.dispatch.reform(move |text| Action::SetField { form, field, text })} />
    }
}

/// A paste into one of the form's own fields (项目名称 …) of a table holding the form's labels or
/// its grid — a whole form, or part of one, copied from Word — fills the form; any other paste is
/// the field's. A paste into the grid is the grid's, which has taken it by then.
fn on_paste_form(form: FormRef, dispatch: &Callback<Action>) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        // A form's own fields have the ids `Path::Field` gives: "f-{form}-{field}".
        let into_field = e
            .target_unchecked_into::<web_sys::Element>()
            .id()
            .starts_with("f-");
        if e.default_prevented() || !into_field {
            return;
        }
        if let Some(table) = super::grid::clipboard_table(&e).filter(|t| holds_a_form(t)) {
            e.prevent_default();
            dispatch.emit(Action::PasteForm { form, table });
        }
    })
}

fn label(form: FormRef, field: Field, text: &'static str) -> Html {
    html! { <label for={field_id(form, field)}>{text}</label> }
}

fn year_line(p: &FormViewProps, shown: &Shown) -> Html {
    html! {
        <p class="form-year">{"（"}
            { text_input(p, shown, Field::Year, false, "年份") }
            {"年度）"}
        </p>
    }
}

/// A computed sum shown beside a money field, e.g. the projects' total beside 项目经费.
fn sum_hint(label: &str, parts: &[&Amount]) -> Html {
    let values: Vec<Money> = parts.iter().filter_map(|c| c.value().copied()).collect();
    if values.is_empty() {
        return html! {};
    }
    match Money::checked_sum(values) {
        Some(sum) => {
            html! { <span class="computed">{format!("{label}：{} 万元", sum.display_2dp())}</span> }
        }
        None => html! {},
    }
}

/// The unit-overall form (部门（单位）整体支出绩效目标申报表).
#[component]
pub fn OverallFormView(props: &FormViewProps) -> Html {
    let shown = use_context::<Shown>().unwrap_or_else(Shown::empty);
    let o = &props.declaration.overall;
    let f = FormRef::Overall;
    let project_totals: Vec<&Amount> = props
        .declaration
        .projects
        .iter()
        .map(|p| &p.total)
        .collect();
    html! {
        <section class="sheet" id={Path::Form(f).dom_id()} aria-label="整体支出绩效目标申报表" tabindex="-1" onpaste={on_paste_form(f, &props.dispatch)}>
            <h2>{"部门（单位）整体支出绩效目标申报表"}</h2>
            <FieldProblems id={Path::Form(f).dom_id()} problems={shown.problems(&Path::Form(f).dom_id())} dispatch={props.dispatch.clone()} />
            { year_line(props, &shown) }
            <table class="form-table">
                <tbody>
                    <tr>
                        <th colspan="2">{ label(f, Field::UnitName, "预算名称") }</th>
                        <td colspan="2">{ text_input(props, &shown, Field::UnitName, false, "单位全称") }</td>
                    </tr>
                    <tr>
                        <th rowspan="4" class="vertical">{"预算情况（万元）"}</th>
                        <th>{ label(f, Field::Total, "年度财政拨款资金总额") }</th>
                        <td>{ money_input(props, &shown, Field::Total, &o.total) }</td>
                        <td class="aside">{ sum_hint("三项合计", &[&o.personnel, &o.operating, &o.project_funds]) }</td>
                    </tr>
                    <tr>
                        <th>{ label(f, Field::Personnel, "其中：人员经费") }</th>
                        <td>{ money_input(props, &shown, Field::Personnel, &o.personnel) }</td>
                        <td class="aside"></td>
                    </tr>
                    <tr>
                        <th>{ label(f, Field::Operating, "公用经费") }</th>
                        <td>{ money_input(props, &shown, Field::Operating, &o.operating) }</td>
                        <td class="aside"></td>
                    </tr>
                    <tr>
                        <th>{ label(f, Field::ProjectFunds, "项目经费") }</th>
                        <td>{ money_input(props, &shown, Field::ProjectFunds, &o.project_funds) }</td>
                        <td class="aside">{ sum_hint("各项目表合计", &project_totals) }</td>
                    </tr>
                    <tr>
                        <th colspan="2">{ label(f, Field::Tasks, "年度主要任务及拟达到的目标") }</th>
                        <td colspan="2">{ text_input(props, &shown, Field::Tasks, true, "主要任务内容及拟达到的目标") }</td>
                    </tr>
                    <tr class="optional">
                        <th colspan="2">{ label(f, Field::Department, "主管部门（选填）") }</th>
                        <td colspan="2">{ text_input(props, &shown, Field::Department, false, "") }</td>
                    </tr>
                </tbody>
            </table>
            <h3>{"绩效指标"}</h3>
            <IndicatorGrid declaration={props.declaration.clone()} form={f} grid={Grid::Annual}
                categories={OVERALL_CATEGORIES} dispatch={props.dispatch.clone()} />
        </section>
    }
}

/// A project form (部门（单位）预算项目支出绩效目标申报表).
#[component]
pub fn ProjectFormView(props: &FormViewProps) -> Html {
    let shown = use_context::<Shown>().unwrap_or_else(Shown::empty);
    let FormRef::Project(id) = props.form else {
        return html! {};
    };
    let Some(p) = props.declaration.project(id) else {
        return html! {};
    };
    let f = props.form;
    let position = props
        .declaration
        .projects
        .iter()
        .position(|q| q.id == id)
        .unwrap_or(0);
    let count = props.declaration.projects.len();
    let categories = props
        .declaration
        .framework_for_new_forms()
        .project_categories();
    let remove = {
        let d = props.dispatch.clone();
        let name = if p.name.trim().is_empty() {
            format!("项目 {}", position + 1)
        } else {
            p.name.clone()
        };
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(&format!(
                "确定删除项目表“{name}”吗？此操作会删除该表的全部内容。"
            )) {
                d.emit(Action::RemoveProject { id });
            }
        })
    };
    let show_long_term = use_state(|| false);
    let has_long_term = !p.long_term_indicators.is_empty() || !p.long_term_target.trim().is_empty();
    let toggle_long_term = {
        let s = show_long_term.clone();
        Callback::from(move |_: MouseEvent| s.set(!*s))
    };
    let attribute_options: Vec<(AttrValue, AttrValue)> = ProjectAttribute::ALL
        .iter()
        .map(|a| (AttrValue::Static(a.label()), AttrValue::Static(a.label())))
        .collect();
    html! {
        <section class="sheet" id={Path::Form(f).dom_id()} aria-label={format!("项目支出绩效目标申报表 {}", position + 1)} tabindex="-1" onpaste={on_paste_form(f, &props.dispatch)}>
            <FieldProblems id={Path::Form(f).dom_id()} problems={shown.problems(&Path::Form(f).dom_id())} dispatch={props.dispatch.clone()} />
            <div class="sheet-tools no-print">
                <span>{format!("项目表 {} / {}", position + 1, count)}</span>
                <button type="button" disabled={position == 0} onclick={on_click(&props.dispatch, move || Action::MoveProject { id, dir: Move::Up })}>{"← 前移"}</button>
                <button type="button" disabled={position + 1 == count} onclick={on_click(&props.dispatch, move || Action::MoveProject { id, dir: Move::Down })}>{"后移 →"}</button>
                <button type="button" class="danger" onclick={remove}>{"删除此项目表"}</button>
            </div>
            <h2>{"部门（单位）预算项目支出绩效目标申报表"}</h2>
            { year_line(props, &shown) }
            <table class="form-table">
                <tbody>
                    <tr>
                        <th colspan="2">{ label(f, Field::Name, "项目名称") }</th>
                        <td colspan="2">{ text_input(props, &shown, Field::Name, false, "与预算中的项目名称一致") }</td>
                    </tr>
                    <tr>
                        <th colspan="2">{ label(f, Field::UnitName, "预算单位") }</th>
                        <td colspan="2">{ text_input(props, &shown, Field::UnitName, false, "") }</td>
                    </tr>
                    <tr>
                        <th rowspan="3" class="vertical">{"项目资金（万元）"}</th>
                        <th>{ label(f, Field::Total, "年度资金总额") }</th>
                        <td>{ money_input(props, &shown, Field::Total, &p.total) }</td>
                        <td class="aside">{ sum_hint("各来源合计", &[&p.appropriation, &p.other_funds, &p.carryover]) }</td>
                    </tr>
                    <tr>
                        <th>{ label(f, Field::Appropriation, "其中：财政拨款") }</th>
                        <td>{ money_input(props, &shown, Field::Appropriation, &p.appropriation) }</td>
                        <td class="aside"></td>
                    </tr>
                    <tr>
                        <th>{ label(f, Field::OtherFunds, "其他资金") }</th>
                        <td>{ money_input(props, &shown, Field::OtherFunds, &p.other_funds) }</td>
                        <td class="aside"></td>
                    </tr>
                    <tr>
                        <th rowspan="1" class="vertical">{"总体目标"}</th>
                        <th>{ label(f, Field::AnnualTarget, "年度目标") }</th>
                        <td colspan="2">{ text_input(props, &shown, Field::AnnualTarget, true, "本年度拟达到的产出和效果") }</td>
                    </tr>
                </tbody>
            </table>
            <details class="optional-fields no-print-empty" open={!p.department.is_empty() || !p.implementing_unit.is_empty() || !p.manager.is_empty() || p.attribute.is_some() || !p.period.is_empty() || !p.carryover.is_blank()}>
                <summary>{"选填信息（部分地区模板要求）"}</summary>
                <table class="form-table">
                    <tbody>
                        <tr><th>{ label(f, Field::Department, "主管部门") }</th><td>{ text_input(props, &shown, Field::Department, false, "") }</td></tr>
                        <tr><th>{ label(f, Field::ImplementingUnit, "实施单位") }</th><td>{ text_input(props, &shown, Field::ImplementingUnit, false, "") }</td></tr>
                        <tr><th>{ label(f, Field::Manager, "项目负责人及电话") }</th><td>{ text_input(props, &shown, Field::Manager, false, "") }</td></tr>
                        <tr><th>{ label(f, Field::Attribute, "项目属性") }</th><td>
                            <Pick id={field_id(f, Field::Attribute)} label="项目属性" dispatch={props.dispatch.clone()}
                                problems={shown.problems(&field_id(f, Field::Attribute))} value={p.attribute.map(|a| a.label()).unwrap_or("")}
                                options={attribute_options} on_change={props.dispatch.reform(move |text| Action::SetField { form: f, field: Field::Attribute, text })} />
                        </td></tr>
                        <tr><th>{ label(f, Field::Period, "项目起止时间") }</th><td>{ text_input(props, &shown, Field::Period, false, "如 2022年1月至2024年12月") }</td></tr>
                        <tr><th>{ label(f, Field::Carryover, "上年结转资金") }</th><td>{ money_input(props, &shown, Field::Carryover, &p.carryover) }</td></tr>
                    </tbody>
                </table>
            </details>
            <h3>{"绩效指标"}</h3>
            <IndicatorGrid declaration={props.declaration.clone()} form={f} grid={Grid::Annual}
                {categories} dispatch={props.dispatch.clone()} />
            if has_long_term || *show_long_term {
                <h3>{"中长期（实施期）目标与指标"}</h3>
                <table class="form-table">
                    <tbody>
                        <tr><th>{ label(f, Field::LongTermTarget, "实施期目标") }</th>
                            <td>{ text_input(props, &shown, Field::LongTermTarget, true, "") }</td></tr>
                    </tbody>
                </table>
                <IndicatorGrid declaration={props.declaration.clone()} form={f} grid={Grid::LongTerm}
                    {categories} dispatch={props.dispatch.clone()} />
            } else {
                <button type="button" class="no-print" onclick={toggle_long_term}>{"＋ 填写中长期（实施期）目标与指标"}</button>
            }
        </section>
    }
}
