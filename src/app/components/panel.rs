//! The problems panel: the self-check grade, counts, and every finding grouped by form and
//! severity; clicking one takes the user to the field.

use crate::app::findings::severity_class;
use crate::app::state::Shared;
use crate::check::{form_title, place, Report, Severity};
use crate::model::{Declaration, FormRef, IndicatorRow};
use std::rc::Rc;
use yew::prelude::*;

/// How many findings the panel lists at most (a huge declaration can have thousands).
const SHOWN_AT_MOST: usize = 400;

/// Props of the panel.
#[derive(Properties)]
pub struct ProblemsPanelProps {
    /// The declaration.
    pub declaration: Shared,
    /// Its report.
    pub report: Rc<Report>,
    /// The finding the user is at, if any.
    pub current: Option<usize>,
    /// Go to a finding (its index in the report).
    pub on_go: Callback<usize>,
    /// 上一个 (-1) / 下一个 (+1).
    pub on_step: Callback<i32>,
    /// 全部检查.
    pub on_check_all: Callback<()>,
    /// 打印预览.
    pub on_print: Callback<()>,
    /// Whether every finding is shown inline already.
    pub show_all: bool,
    /// Sends profile changes.
    pub dispatch: Callback<crate::app::state::Action>,
}

/// Equal when the panel would show the same: the same findings, position and settings, and the
/// same form titles and row names. The callbacks are left out: the app's read the latest report
/// and position when called, so an older one does what a new one would. Typing in a field then
/// renders the panel again only when what it lists changes.
impl PartialEq for ProblemsPanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.report == other.report
            && self.current == other.current
            && self.show_all == other.show_all
            && same_labels(&self.declaration, &other.declaration)
    }
}

/// Whether two declarations have the same profile, project names and row names in the same order
/// (all the panel reads of the declaration besides the report).
fn same_labels(a: &Declaration, b: &Declaration) -> bool {
    fn rows(a: &[IndicatorRow], b: &[IndicatorRow]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(r, s)| r.id == s.id && r.level3 == s.level3)
    }
    std::ptr::eq(a, b)
        || (a.profile == b.profile
            && rows(&a.overall.indicators, &b.overall.indicators)
            && a.projects.len() == b.projects.len()
            && a.projects.iter().zip(&b.projects).all(|(p, q)| {
                Rc::ptr_eq(p, q)
                    || p.id == q.id
                        && p.name == q.name
                        && rows(&p.indicators, &q.indicators)
                        && rows(&p.long_term_indicators, &q.long_term_indicators)
            }))
}

/// The problems panel.
#[component]
pub fn ProblemsPanel(props: &ProblemsPanelProps) -> Html {
    let r = &props.report;
    let d = &props.declaration;
    let (errors, warnings, infos) = (
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Info),
    );
    let step = |n: i32| props.on_step.reform(move |_: MouseEvent| n);
    let check_all = props.on_check_all.reform(|_: MouseEvent| ());
    let print = props.on_print.reform(|_: MouseEvent| ());
    // Group by form in report order, then by severity.
    let mut groups: Vec<(Option<FormRef>, Vec<usize>)> = Vec::new();
    for (i, f) in r.findings.iter().enumerate() {
        let form = f.path.form();
        match groups.last_mut() {
            Some((g, v)) if *g == form => v.push(i),
            _ => groups.push((form, vec![i])),
        }
    }
    let mut listed = 0;
    let body = groups.into_iter().map(|(form, idx)| {
        // By severity, in report order within each: (severity, index) pairs are all distinct, so
        // the unstable sort the checker already compiles for such pairs keeps that order.
        let mut by_severity: Vec<(u32, usize)> =
            idx.iter().map(|i| (r.findings[*i].severity as u32, *i)).collect();
        by_severity.sort_unstable();
        let idx: Vec<usize> = by_severity.into_iter().map(|(_, i)| i).collect();
        let count = |s: Severity| idx.iter().filter(|i| r.findings[**i].severity == s).count();
        let (e, w, n) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
        let items = idx.iter().copied().filter(|_| {
            listed += 1;
            listed <= SHOWN_AT_MOST
        }).map(|i| {
            let f = &r.findings[i];
            let go = props.on_go.reform(move |_: MouseEvent| i);
            let current = props.current == Some(i);
            html! {
                <li class={classes!(severity_class(f.severity), current.then_some("current"))}>
                    <button type="button" class="finding" onclick={go} aria-current={current.then_some("true")}>
                        <span class="sev-label">{f.severity.label()}</span>
                        <span class="place">{place(d, f.path)}</span>
                        <span class="message">{f.message()}</span>
                    </button>
                </li>
            }
        }).collect::<Html>();
        html! {
            <section class="panel-group">
                <h3>{form_title(d, form)}<span class="counts">{format!(" 错误 {e} · 警告 {w} · 提示 {n}")}</span></h3>
                <ul>{items}</ul>
            </section>
        }
    }).collect::<Html>();
    html! {
        <aside class="panel no-print" aria-label="检查结果" id="problems">
            <div class="summary">
                <div class="grade" title="本工具根据错误和警告数量的估计，不是正式评审结果">
                    {"自查等级 "}<strong id="grade">{r.grade().label()}</strong>
                    <span class="hint">{"（本工具估计，非正式评审结果）"}</span>
                </div>
                <div class="totals" id="totals">
                    <span class="sev-error">{format!("错误 {errors}")}</span>
                    <span class="sev-warning">{format!("警告 {warnings}")}</span>
                    <span class="sev-info">{format!("提示 {infos}")}</span>
                </div>
                <div class="panel-tools">
                    <button type="button" onclick={check_all} disabled={props.show_all} title="在每个字段下显示全部问题">{"全部检查"}</button>
                    <button type="button" onclick={step(-1)} title="上一个问题（Shift+F8）" aria-keyshortcuts="Shift+F8">{"↑ 上一个"}</button>
                    <button type="button" onclick={step(1)} title="下一个问题（F8）" aria-keyshortcuts="F8">{"↓ 下一个"}</button>
                    <button type="button" onclick={print}>{"打印预览"}</button>
                </div>
            </div>
            <super::settings::Settings profile={d.profile.clone()} dispatch={props.dispatch.clone()} />
            if r.findings.is_empty() {
                <p class="all-clear">{"没有发现问题。"}</p>
            }
            { body }
            if listed > SHOWN_AT_MOST {
                <p class="hint">{format!("另有 {} 条未列出，请先处理上面的问题。", listed - SHOWN_AT_MOST)}</p>
            }
        </aside>
    }
}
