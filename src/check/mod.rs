//! The checker: `check(declaration, profile)` runs every rule and returns every finding, in a fixed order.
//!
//! Rules live in [`rules`], one module per family of the catalogue (Y, H, M, C, V, T, W, S), each
//! rule a function with its id, severity and reason registered in [`registry::RULES`]. Findings are
//! data: a rule id, a severity, a typed path (plus a char span inside free text), a typed [`Kind`]
//! carrying the numbers, a Chinese message rendered from it, and a fix where one is clear.

pub mod context;
pub mod fix;
pub mod fixtures;
pub mod incremental;
pub mod kind;
#[cfg(not(target_arch = "wasm32"))]
pub mod reference;
pub mod registry;
pub mod rules;

pub use context::Ctx;
pub use fix::Fix;
pub use incremental::Checker;
pub use kind::Kind;

use crate::model::{Declaration, FormRef, Grid, Path, Profile};
use crate::text::Span;
use context::OrderKey;
use serde::Serialize;
use std::rc::Rc;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The form contradicts itself or misses what every template requires.
    Error,
    /// A reviewer would send it back or mark it down.
    Warning,
    /// Worth a look.
    Info,
}

impl Severity {
    /// The Chinese word.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// One problem found. Its Chinese message is rendered from the kind when it is shown
/// ([`Finding::message`]), not when it is found: most findings of a large declaration are never on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable id ("M4").
    pub rule: &'static str,
    /// Error, warning or info.
    pub severity: Severity,
    /// Where.
    pub path: Path,
    /// Which characters of a free-text cell, when the finding is about part of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// What, with the numbers (shared by the copies of a finding made for other places holding
    /// the same text, [`Out::repeat_at`]).
    pub kind: Rc<Kind>,
    /// A suggested fix, where one is clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// Every finding of a declaration, in a deterministic order (form, place in the form, rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The findings (shared, so a report built again after an edit reuses unchanged ones).
    pub findings: Vec<Rc<Finding>>,
}

/// The app's own estimate of how a reviewer would grade the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Grade {
    /// No error and at most 2 warnings.
    #[serde(rename = "优")]
    Excellent,
    /// No error.
    #[serde(rename = "良")]
    Good,
    /// 1–2 errors.
    #[serde(rename = "中")]
    Fair,
    /// More errors.
    #[serde(rename = "差")]
    Poor,
}

impl Grade {
    /// 优 / 良 / 中 / 差.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }
}

impl Report {
    /// How many findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The self-check grade: 优 = no error and at most 2 warnings, 良 = no error, 中 = 1–2 errors, 差 = more.
    /// The app's own estimate, not an official review result.
    pub fn grade(&self) -> Grade {
        match (self.count(Severity::Error), self.count(Severity::Warning)) {
            (0, w) if w <= 2 => Grade::Excellent,
            (0, _) => Grade::Good,
            (1..=2, _) => Grade::Fair,
            _ => Grade::Poor,
        }
    }
}

/// Collects the findings of one rule, each made in the shared box the report keeps (so sorting
/// and reporting move pointers, not findings).
pub struct Out {
    rule: &'static str,
    findings: Vec<Rc<Finding>>,
}

impl Out {
    /// Adds a finding; returns it so a span or a fix can be attached.
    pub fn add(&mut self, severity: Severity, path: Path, kind: Kind) -> &mut Finding {
        self.findings.push(Rc::new(Finding {
            rule: self.rule,
            severity,
            path,
            span: None,
            kind: Rc::new(kind),
            fix: None,
        }));
        let last = self.findings.last_mut().expect("just pushed");
        Rc::get_mut(last).expect("not shared yet")
    }

    /// How many findings so far (to mark where a text's findings start and end).
    pub(crate) fn len(&self) -> usize {
        self.findings.len()
    }

    /// Sets the fix of each finding from `from` on to what `fix` makes of it.
    pub(crate) fn fix_from(&mut self, from: usize, fix: impl Fn(&Finding) -> Option<Fix>) {
        for found in &mut self.findings[from..] {
            // Made by this rule and not yet shared.
            if let Some(found) = Rc::get_mut(found) {
                found.fix = fix(found);
            }
        }
    }

    /// Adds again, at `path`, the findings `from..to` made for another place holding the same text.
    pub(crate) fn repeat_at(&mut self, from: usize, to: usize, path: Path) {
        for k in from..to {
            let found = &self.findings[k];
            let copy = Finding {
                rule: found.rule,
                severity: found.severity,
                path,
                span: found.span,
                kind: Rc::clone(&found.kind),
                fix: found.fix.as_ref().map(|fix| fix.at(path)),
            };
            self.findings.push(Rc::new(copy));
        }
    }
}

impl Finding {
    /// The Chinese message, rendered from the kind.
    pub fn message(&self) -> String {
        self.kind.message()
    }

    /// Attaches the span of text the finding is about.
    pub fn at(&mut self, span: Span) -> &mut Self {
        self.span = Some(span);
        self
    }

    /// Attaches the span of a number read with the unit its row states apart
    /// ([`context::RowCtx::number_apart`]) when it stands in the value; the number column has no
    /// text to point into.
    pub(crate) fn at_number(&mut self, field: crate::model::RowField, span: Span) -> &mut Self {
        if field == crate::model::RowField::Value {
            self.span = Some(span);
        }
        self
    }

    /// Attaches a suggested fix.
    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }
}

/// Runs one rule on a read declaration (unfiltered, unsorted): for tests and for timing rules.
pub fn run_rule(ctx: &Ctx, rule: &registry::Rule) -> Vec<Rc<Finding>> {
    let mut out = Out {
        rule: rule.id,
        findings: Vec::new(),
    };
    (rule.run)(ctx, &mut out);
    out.findings
}

/// Checks a declaration with a profile: every rule runs, every finding is returned.
/// (After an edit, [`Checker`] gives the same report faster by reusing unchanged forms.)
pub fn check(declaration: &Declaration, profile: &Profile) -> Report {
    let ctx = Ctx::new(declaration, profile);
    // Each form's findings apart, then sorted by place: a few hundred short sorts instead of one
    // of every finding. Slot 0 holds the declaration's own fields, 1 the overall form, 2… the
    // projects, and the last any form the declaration does not hold.
    let mut by_form: Vec<Vec<(OrderKey, Rc<Finding>)>> =
        vec![Vec::new(); declaration.projects.len() + 3];
    let last = by_form.len() - 1;
    for rule in registry::RULES {
        for f in run_rule(&ctx, rule) {
            if shown(profile, f.severity) {
                let key = ctx.order_key(&f);
                // The rank, in the key's top bits.
                let rank = usize::try_from(key >> 96).unwrap_or(usize::MAX);
                by_form[rank.min(last)].push((key, f));
            }
        }
    }
    let mut findings = Vec::with_capacity(by_form.iter().map(Vec::len).sum());
    for mut form in by_form {
        // Stable: findings at one place keep the order their rules made them in.
        form.sort_by_key(|a| a.0);
        findings.extend(form.into_iter().map(|(_, f)| f));
    }
    Report { findings }
}

/// Whether the profile shows findings of a severity (errors always).
pub(crate) fn shown(profile: &Profile, severity: Severity) -> bool {
    match severity {
        Severity::Error => true,
        Severity::Warning => profile.show_warnings,
        Severity::Info => profile.show_info,
    }
}

impl Report {
    /// The report as other programs read it (the JS API and `jixiao check --json`): grade, counts,
    /// and each finding with its form, its place in the form's words and the DOM id of the field.
    pub fn to_json(&self, d: &Declaration) -> serde_json::Value {
        let findings: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                v["message"] = f.message().into();
                v["form"] = form_title(d, f.path.form()).into();
                v["place"] = place(d, f.path).into();
                v["dom_id"] = f.path.dom_id().into();
                v
            })
            .collect();
        serde_json::json!({
            "grade": self.grade().label(),
            "errors": self.count(Severity::Error),
            "warnings": self.count(Severity::Warning),
            "infos": self.count(Severity::Info),
            "findings": findings,
        })
    }
}

/// Checks with the profile saved in the declaration.
pub fn check_declaration(declaration: &Declaration) -> Report {
    check(declaration, &declaration.profile)
}

/// Where a path sorts: (form, section, row, field).
pub(crate) fn grid_rank(grid: Grid) -> u8 {
    match grid {
        Grid::Annual => 2,
        Grid::LongTerm => 3,
    }
}

/// The title of a form in a declaration: "整体支出表" or "项目表“name”" (or "项目表 N").
pub fn form_title(d: &Declaration, form: Option<FormRef>) -> String {
    match form {
        None => "申报信息".into(),
        Some(FormRef::Overall) => "整体支出表".into(),
        Some(FormRef::Project(id)) => {
            let i = d
                .projects
                .iter()
                .position(|p| p.id == id)
                .map_or(0, |i| i + 1);
            match d.project(id) {
                Some(p) if !p.name.trim().is_empty() => format!("项目表“{}”", p.name.trim()),
                _ => format!("项目表 {i}"),
            }
        }
    }
}

/// Where a path is, in the form's words: "年度资金总额", "指标第 3 行（数量）· 指标值".
pub fn place(d: &Declaration, path: Path) -> String {
    match path {
        Path::DeclarationYear => "预算年度".into(),
        Path::DeclarationUnit => "预算单位".into(),
        Path::Form(_) => "整表".into(),
        Path::Field(form, field) => field.label_on(form).into(),
        Path::Grid(_, Grid::Annual) => "绩效指标".into(),
        Path::Grid(_, Grid::LongTerm) => "中长期指标".into(),
        Path::Cell(form, grid, row, field) => {
            let rows = d.rows(form, grid);
            let (n, name) = rows
                .and_then(|rs| {
                    rs.iter()
                        .position(|r| r.id == row)
                        .map(|i| (i + 1, rs[i].level3.trim().to_string()))
                })
                .unwrap_or((0, String::new()));
            let grid_word = if grid == Grid::LongTerm {
                "中长期指标"
            } else {
                "指标"
            };
            if name.is_empty() {
                format!("{grid_word}第 {n} 行 · {}", field.label())
            } else {
                format!("{grid_word}第 {n} 行（{name}）· {}", field.label())
            }
        }
    }
}
