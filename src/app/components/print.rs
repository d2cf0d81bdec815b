//! The print view: every form laid out like the official table (one per A4 page) and the findings
//! report, read-only, for the browser's print or save-as-PDF.

use crate::app::state::Shared;
use crate::check::{form_title, place, Report, Severity};
use crate::model::IndicatorRow;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the print view.
#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    /// The declaration.
    pub declaration: Shared,
    /// Its report.
    pub report: Rc<Report>,
    /// 返回编辑.
    pub on_close: Callback<()>,
}

fn grid(rows: &[IndicatorRow], with_l3: bool) -> Html {
    // Row spans for the 一级 and 二级 cells, as on paper.
    let span = |i: usize, same: &dyn Fn(&IndicatorRow, &IndicatorRow) -> bool| -> usize {
        if i > 0 && same(&rows[i - 1], &rows[i]) {
            return 0;
        }
        rows[i..].iter().take_while(|r| same(&rows[i], r)).count()
    };
    let l1 = |a: &IndicatorRow, b: &IndicatorRow| a.level1 == b.level1;
    let l2 = |a: &IndicatorRow, b: &IndicatorRow| a.level1 == b.level1 && a.level2 == b.level2;
    html! {
        <table class="print-grid">
            <thead><tr>
                <th>{"一级指标"}</th><th>{"二级指标"}</th>
                if with_l3 { <th>{"三级指标"}</th> }
                <th>{"指标值（包含数字及文字描述）"}</th>
            </tr></thead>
            <tbody>
                { for rows.iter().enumerate().map(|(i, r)| {
                    let (s1, s2) = (span(i, &l1), span(i, &l2));
                    html! {
                        <tr>
                            if s1 > 0 { <td rowspan={s1.to_string()}>{r.level1.clone()}</td> }
                            if s2 > 0 { <td rowspan={s2.to_string()}>{r.level2.clone()}</td> }
                            if with_l3 { <td>{r.level3.clone()}</td> }
                            <td>{r.value.clone()}</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// Every form and the findings, ready to print.
#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    let d = &props.declaration;
    let o = &d.overall;
    let close = props.on_close.reform(|_: MouseEvent| ());
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let with_l3 = o.indicators.iter().any(|r| !r.level3.trim().is_empty());
    let r = &props.report;
    html! {
        <div class="print-view" id="print-view">
            <div class="print-tools no-print">
                <button type="button" class="primary" onclick={print}>{"打印 / 另存为 PDF"}</button>
                <button type="button" onclick={close}>{"返回编辑"}</button>
                <span class="hint">{"每张表单独成页（A4）；最后一页为检查报告。"}</span>
            </div>
            <section class="print-sheet">
                <h2>{"部门（单位）整体支出绩效目标申报表"}</h2>
                <p class="form-year">{format!("（{}年度）", o.year.trim())}</p>
                <table class="print-form">
                    <tr><th colspan="2">{"预算名称"}</th><td colspan="2">{o.unit_name.clone()}</td></tr>
                    <tr><th rowspan="4">{"预算情况（万元）"}</th><th>{"年度财政拨款资金总额"}</th><td colspan="2">{o.total.to_text()}</td></tr>
                    <tr><th>{"其中：人员经费"}</th><td colspan="2">{o.personnel.to_text()}</td></tr>
                    <tr><th>{"公用经费"}</th><td colspan="2">{o.operating.to_text()}</td></tr>
                    <tr><th>{"项目经费"}</th><td colspan="2">{o.project_funds.to_text()}</td></tr>
                    <tr><th colspan="2">{"年度主要任务及拟达到的目标"}</th><td colspan="2">{o.tasks.clone()}</td></tr>
                </table>
                { grid(&o.indicators, with_l3) }
            </section>
            { for d.projects.iter().map(|p| html! {
                <section class="print-sheet">
                    <h2>{"部门（单位）预算项目支出绩效目标申报表"}</h2>
                    <p class="form-year">{format!("（{}年度）", p.year.trim())}</p>
                    <table class="print-form">
                        <tr><th colspan="2">{"项目名称"}</th><td colspan="2">{p.name.clone()}</td></tr>
                        <tr><th colspan="2">{"预算单位"}</th><td colspan="2">{p.unit_name.clone()}</td></tr>
                        <tr><th rowspan="3">{"项目资金（万元）"}</th><th>{"年度资金总额"}</th><td colspan="2">{p.total.to_text()}</td></tr>
                        <tr><th>{"其中：财政拨款"}</th><td colspan="2">{p.appropriation.to_text()}</td></tr>
                        <tr><th>{"其他资金"}</th><td colspan="2">{p.other_funds.to_text()}</td></tr>
                        <tr><th>{"总体目标"}</th><th>{"年度目标"}</th><td colspan="2">{p.annual_target.clone()}</td></tr>
                    </table>
                    { grid(&p.indicators, true) }
                </section>
            }) }
            <section class="print-sheet report">
                <h2>{"检查报告"}</h2>
                <p>{format!("{} {} 年度申报。自查等级：{}（本工具的估计，非正式评审结果）。错误 {}，警告 {}，提示 {}。",
                    d.unit_name.trim(), d.year.trim(), r.grade().label(), r.count(Severity::Error), r.count(Severity::Warning), r.count(Severity::Info))}</p>
                <table class="print-findings">
                    <thead><tr><th>{"表"}</th><th>{"位置"}</th><th>{"级别"}</th><th>{"规则"}</th><th>{"问题"}</th></tr></thead>
                    <tbody>
                        { for r.findings.iter().map(|f| html! {
                            <tr>
                                <td>{form_title(d, f.path.form())}</td><td>{place(d, f.path)}</td>
                                <td>{f.severity.label()}</td><td>{f.rule}</td><td>{f.message.clone()}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
        </div>
    }
}
