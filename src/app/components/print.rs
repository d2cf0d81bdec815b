//! The print view: every form laid out like the official table (one per A4 page) and the findings
//! report, read-only, for the browser's print or save-as-PDF.
//!
//! Nothing in it reacts to input, so the sheets are written as HTML text (much less code in the
//! page than the same markup as Yew nodes); every piece of the user's text goes through
//! [`Sheets::text`], which escapes it. Only the two buttons are Yew elements.

use crate::app::state::Shared;
use crate::check::{form_title, place, Report, Severity};
use crate::model::{Declaration, IndicatorRow};
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

/// HTML text being written.
#[derive(Default)]
struct Sheets(String);

impl Sheets {
    /// Markup written by this module (never the user's text).
    fn markup(&mut self, html: &str) -> &mut Self {
        self.0.push_str(html);
        self
    }

    /// The user's text, escaped.
    fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// `<td {attrs}>text</td>`.
    fn td(&mut self, attrs: &str, s: &str) -> &mut Self {
        self.markup("<td ")
            .markup(attrs)
            .markup(">")
            .text(s)
            .markup("</td>")
    }

    /// A row of the header table: its labels (already markup) and the value.
    fn form_row(&mut self, labels: &str, value: &str) -> &mut Self {
        self.markup("<tr>")
            .markup(labels)
            .td("colspan=\"2\"", value)
            .markup("</tr>")
    }

    /// The indicator grid, 一级 and 二级 cells spanning their rows as on paper.
    fn grid(&mut self, rows: &[IndicatorRow], with_l3: bool) -> &mut Self {
        let span = |i: usize, same: &dyn Fn(&IndicatorRow, &IndicatorRow) -> bool| -> usize {
            if i > 0 && same(&rows[i - 1], &rows[i]) {
                return 0;
            }
            rows[i..].iter().take_while(|r| same(&rows[i], r)).count()
        };
        let l1 = |a: &IndicatorRow, b: &IndicatorRow| a.level1 == b.level1;
        let l2 = |a: &IndicatorRow, b: &IndicatorRow| a.level1 == b.level1 && a.level2 == b.level2;
        self.markup("<table class=\"print-grid\"><thead><tr><th>一级指标</th><th>二级指标</th>");
        if with_l3 {
            self.markup("<th>三级指标</th>");
        }
        self.markup("<th>指标值（包含数字及文字描述）</th></tr></thead><tbody>");
        for (i, r) in rows.iter().enumerate() {
            self.markup("<tr>");
            for (n, text) in [(span(i, &l1), &r.level1), (span(i, &l2), &r.level2)] {
                if n > 0 {
                    self.td(&format!("rowspan=\"{n}\""), text);
                }
            }
            if with_l3 {
                self.td("", &r.level3);
            }
            // A structured row's target stands in its sign, number and unit columns.
            let value = r.structured_target().unwrap_or_else(|| r.value.clone());
            self.td("", &value).markup("</tr>");
        }
        self.markup("</tbody></table>")
    }

    /// `<section><h2>title</h2><p>（year年度）</p><table class="print-form">`.
    fn sheet_head(&mut self, title: &str, year: &str) -> &mut Self {
        self.markup("<section class=\"print-sheet\"><h2>")
            .markup(title)
            .markup("</h2><p class=\"form-year\">（")
            .text(year.trim())
            .markup("年度）</p><table class=\"print-form\">")
    }
}

/// Every form and the report as HTML text.
fn sheets(d: &Declaration, r: &Report) -> String {
    let mut s = Sheets::default();
    let o = &d.overall;
    s.sheet_head("部门（单位）整体支出绩效目标申报表", &o.year)
        .form_row("<th colspan=\"2\">预算名称</th>", &o.unit_name)
        .form_row(
            "<th rowspan=\"4\">预算情况（万元）</th><th>年度财政拨款资金总额</th>",
            &o.total.to_text(),
        )
        .form_row("<th>其中：人员经费</th>", &o.personnel.to_text())
        .form_row("<th>公用经费</th>", &o.operating.to_text())
        .form_row("<th>项目经费</th>", &o.project_funds.to_text())
        .form_row(
            "<th colspan=\"2\">年度主要任务及拟达到的目标</th>",
            &o.tasks,
        )
        .markup("</table>")
        .grid(
            &o.indicators,
            o.indicators.iter().any(|r| !r.level3.trim().is_empty()),
        )
        .markup("</section>");
    for p in &d.projects {
        s.sheet_head("部门（单位）预算项目支出绩效目标申报表", &p.year)
            .form_row("<th colspan=\"2\">项目名称</th>", &p.name)
            .form_row("<th colspan=\"2\">预算单位</th>", &p.unit_name)
            .form_row(
                "<th rowspan=\"3\">项目资金（万元）</th><th>年度资金总额</th>",
                &p.total.to_text(),
            )
            .form_row("<th>其中：财政拨款</th>", &p.appropriation.to_text())
            .form_row("<th>其他资金</th>", &p.other_funds.to_text())
            .form_row("<th>总体目标</th><th>年度目标</th>", &p.annual_target)
            .markup("</table>")
            .grid(&p.indicators, true)
            .markup("</section>");
    }
    s.markup("<section class=\"print-sheet report\"><h2>检查报告</h2><p>")
        .text(&format!(
            "{} {} 年度申报。自查等级：{}（本工具的估计，非正式评审结果）。错误 {}，警告 {}，提示 {}。",
            d.unit_name.trim(),
            d.year.trim(),
            r.grade().label(),
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info)
        ))
        .markup("</p><table class=\"print-findings\"><thead><tr><th>表</th><th>位置</th><th>级别</th><th>规则</th><th>问题</th></tr></thead><tbody>");
    for f in &r.findings {
        s.markup("<tr>")
            .td("", &form_title(d, f.path.form()))
            .td("", &place(d, f.path))
            .td("", f.severity.label())
            .td("", f.rule)
            .td("", &f.message())
            .markup("</tr>");
    }
    s.markup("</tbody></table></section>");
    s.0
}

/// Every form and the findings, ready to print.
#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let body = Html::from_html_unchecked(sheets(&props.declaration, &props.report).into());
    html! {
        <div class="print-view" id="print-view">
            <div class="print-tools no-print">
                <button type="button" class="primary" onclick={print}>{"打印 / 另存为 PDF"}</button>
                <button type="button" onclick={close}>{"返回编辑"}</button>
                <span class="hint">{"每张表单独成页（A4）；最后一页为检查报告。"}</span>
            </div>
            { body }
        </div>
    }
}
