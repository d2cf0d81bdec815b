//! Checking again after an edit: a project form that did not change keeps its findings, so only the
//! changed forms are read and checked, plus the overall form and the rules that compare forms.
//!
//! The report is the same as [`super::check`] gives for the same declaration (a test compares them
//! after random edits); it is only faster when most forms are as they were.

use super::context::{budget_year, OrderKey, PlaceKey};
use super::{registry, run_rule, shown, Ctx, Finding, Report};
use crate::model::{Declaration, FormRef, Id, Profile, ProjectForm};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A checker that remembers each project form's findings between checks.
#[derive(Default)]
pub struct Checker {
    /// What a form's findings depend on besides the form: the budget year and the profile.
    env: Option<(Option<u32>, Profile)>,
    /// Each project as last checked, with what the one-form rules found in it.
    projects: HashMap<Id, Checked>,
}

/// A project form as it was when checked, and its findings, sorted by place.
struct Checked {
    form: Rc<ProjectForm>,
    findings: Vec<(PlaceKey, Rc<Finding>)>,
}

impl Checker {
    /// Checks a declaration, reusing the findings of project forms that did not change.
    pub fn check(&mut self, d: &Declaration, profile: &Profile) -> Report {
        let ids: HashSet<Id> = d.projects.iter().map(|p| p.id).collect();
        if ids.len() != d.projects.len() {
            // Two projects share an id (a hand-edited file): nothing can be kept apart by id.
            self.projects.clear();
            return super::check(d, profile);
        }
        let env = (budget_year(d), profile.clone());
        if self.env.as_ref() != Some(&env) {
            self.projects.clear();
            self.env = Some(env);
        }
        let mut before = std::mem::take(&mut self.projects);
        let mut kept = HashMap::with_capacity(d.projects.len());
        let stale: Vec<bool> = d
            .projects
            .iter()
            .map(|p| match before.remove(&p.id) {
                Some(c) if c.form == *p => {
                    kept.insert(p.id, c);
                    false
                }
                _ => true,
            })
            .collect();
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
                kept.insert(
                    p.id,
                    Checked {
                        form: p.clone(),
                        findings,
                    },
                );
            }
        }

        // The project forms' findings, form after form, are already in report order: only the few
        // of the overall form and of the rules that compare forms are sorted, then merged in (on
        // equal keys before the project's own, as one stable sort of them all would place them).
        let mut others: Vec<(OrderKey, &Rc<Finding>)> = overall
            .iter()
            .chain(&across)
            .map(|f| (ctx.order_key(f), f))
            .collect();
        others.sort_by_key(|a| a.0);
        let mut others = others.into_iter().peekable();
        let mut findings = Vec::new();
        for p in d.projects.iter() {
            let rank = ctx.form_rank(FormRef::Project(p.id));
            for (k, f) in kept.get(&p.id).map_or(&[][..], |c| &c.findings[..]) {
                while let Some((_, other)) = others.next_if(|o| o.0 <= (rank, *k)) {
                    findings.push(other.clone());
                }
                findings.push(f.clone());
            }
        }
        findings.extend(others.map(|(_, f)| f.clone()));
        self.projects = kept;
        Report { findings }
    }
}
