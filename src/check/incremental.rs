//! Checking again after an edit: a project form that did not change keeps its findings, so only the
//! changed forms are read and checked, plus the overall form and the rules that compare forms.
//!
//! The report is the same as [`super::check`] gives for the same declaration (a test compares them
//! after random edits); it is only faster when most forms are as they were.

use super::context::{budget_year, in_form, OrderKey, PlaceKey};
use super::{registry, run_rule, shown, Ctx, Finding, Report};
use crate::model::{Declaration, FormRef, Profile, ProjectForm};
use std::rc::Rc;

/// A checker that remembers each project form's findings between checks.
#[derive(Default)]
pub struct Checker {
    /// What a form's findings depend on besides the form: the budget year and the profile.
    env: Option<(Option<u32>, Profile)>,
    /// Each project as last checked, in the declaration's order then, with what the one-form
    /// rules found in it (all `Some` between checks).
    projects: Vec<Option<Checked>>,
}

/// A project form as it was when checked, and its findings, sorted by place.
struct Checked {
    form: Rc<ProjectForm>,
    findings: Vec<(PlaceKey, Rc<Finding>)>,
}

impl Checker {
    /// Checks a declaration, reusing the findings of project forms that did not change.
    pub fn check(&mut self, d: &Declaration, profile: &Profile) -> Report {
        // Each project's id and place, sorted by id (a sorted list, not a hash map: the context
        // sorts the same pairs, and the page's size has a budget).
        let mut by_id: Vec<(u32, usize)> = (d.projects.iter().enumerate())
            .map(|(i, p)| (p.id.0, i))
            .collect();
        by_id.sort_unstable();
        // Two projects that share an id (a hand-edited file) cannot be kept apart by it.
        let shared_id = by_id.windows(2).any(|w| w[0].0 == w[1].0);
        let env = (budget_year(d), profile.clone());
        if shared_id || self.env.as_ref() != Some(&env) {
            self.projects.clear();
            self.env = Some(env);
        }
        if shared_id {
            return super::check(d, profile);
        }
        // Each project checked before and not changed since keeps what it found, at its place now.
        let mut kept: Vec<Option<Checked>> = std::iter::repeat_with(|| None)
            .take(d.projects.len())
            .collect();
        for c in std::mem::take(&mut self.projects).into_iter().flatten() {
            if let Ok(k) = by_id.binary_search_by_key(&c.form.id.0, |e| e.0) {
                let i = by_id[k].1;
                if c.form == d.projects[i] {
                    kept[i] = Some(c);
                }
            }
        }
        let stale: Vec<bool> = kept.iter().map(Option::is_none).collect();
        let ctx = Ctx::reading(d, profile, |i| i == 0 || stale[i - 1]);

        let mut across: Vec<Rc<Finding>> = Vec::new();
        let mut overall: Vec<Rc<Finding>> = Vec::new();
        // Each project's new findings, by its place in the declaration (its form rank less 2).
        let mut fresh: Vec<Vec<(PlaceKey, Rc<Finding>)>> = std::iter::repeat_with(Vec::new)
            .take(d.projects.len())
            .collect();
        for rule in registry::RULES {
            for f in run_rule(&ctx, rule) {
                if !shown(profile, f.severity) {
                    continue;
                }
                let project = match f.path.form() {
                    Some(form @ FormRef::Project(_)) => ctx.form_rank(form).checked_sub(2),
                    _ => None,
                };
                match project.and_then(|i| fresh.get_mut(i)) {
                    _ if rule.reads_across_forms() => across.push(f),
                    Some(findings) => findings.push((ctx.place_key(&f), f)),
                    None => overall.push(f),
                }
            }
        }
        for (i, p) in d.projects.iter().enumerate() {
            if stale[i] {
                let mut findings = std::mem::take(&mut fresh[i]);
                findings.sort_by_key(|a| a.0);
                kept[i] = Some(Checked {
                    form: p.clone(),
                    findings,
                });
            }
        }

        // The project forms' findings, form after form, are already in report order: only the few
        // of the overall form and of the rules that compare forms are sorted, then merged in (on
        // equal keys before the project's own, as one stable sort of them all would place them).
        let mut others: Vec<(OrderKey, Rc<Finding>)> = overall
            .into_iter()
            .chain(across)
            .map(|f| (ctx.order_key(&f), f))
            .collect();
        others.sort_by_key(|a| a.0);
        let mut others = others.into_iter().peekable();
        let mut findings = Vec::new();
        for (p, checked) in d.projects.iter().zip(&kept) {
            let rank = ctx.form_rank(FormRef::Project(p.id));
            for (k, f) in checked.as_ref().map_or(&[][..], |c| &c.findings[..]) {
                while let Some((_, other)) = others.next_if(|o| o.0 <= in_form(rank, *k)) {
                    findings.push(other);
                }
                findings.push(f.clone());
            }
        }
        findings.extend(others.map(|(_, f)| f));
        self.projects = kept;
        Report { findings }
    }
}
