//! Checking again after an edit gives exactly the report of a fresh check, and the one-form rules
//! really look at one form only (which is what lets the checker keep unchanged forms' findings).

mod common;

use jixiao::check::{check, fixtures, registry, run_rule, Checker, Ctx};
use jixiao::model::{example, Declaration, FormRef, Id, Profile};
use proptest::prelude::*;

fn declarations() -> Vec<Declaration> {
    let mut all = vec![example::declaration(), fixtures::good()];
    all.extend(registry::RULES.iter().map(|r| (r.sample.get())()));
    all.extend((1..4).map(|seed| fixtures::generated(12, 30, seed)));
    all
}

#[test]
fn one_form_rules_find_the_same_reading_one_form() {
    for d in declarations() {
        let p = &d.profile;
        let whole = Ctx::new(&d, p);
        for rule in registry::RULES.iter().filter(|r| !r.reads_across_forms()) {
            let everything = run_rule(&whole, rule);
            for f in &everything {
                assert!(
                    f.path.form().is_some(),
                    "{} reported outside a form: {f:?}",
                    rule.id
                );
            }
            for k in 0..=d.projects.len() {
                let form = if k == 0 {
                    FormRef::Overall
                } else {
                    FormRef::Project(d.projects[k - 1].id)
                };
                let alone = run_rule(&Ctx::reading(&d, p, |i| i == k), rule);
                let expected: Vec<_> = everything
                    .iter()
                    .filter(|f| f.path.form() == Some(form))
                    .collect();
                assert_eq!(
                    alone.iter().collect::<Vec<_>>(),
                    expected,
                    "{} on form {k} read alone",
                    rule.id
                );
            }
        }
    }
}

/// The edits a user makes, one after another, each followed by a check compared to a fresh one.
#[test]
fn checking_after_each_edit_equals_a_fresh_check() {
    let mut d = fixtures::generated(30, 20, 3);
    let mut checker = Checker::default();
    let mut step = |d: &Declaration, what: &str| {
        let fresh = check(d, &d.profile);
        assert_eq!(checker.check(d, &d.profile), fresh, "after: {what}");
        assert!(!fresh.findings.is_empty());
    };
    step(&d, "first check");
    step(&d, "no change");
    d.project_at_mut(4).indicators[2].value = "2021年1月至12月".into();
    step(&d, "a value typed");
    d.project_at_mut(4).indicators[2].value.push('。');
    step(&d, "one more character");
    d.project_at_mut(7).name = d.projects[8].name.clone();
    step(&d, "a duplicate project name");
    d.project_at_mut(0).total = jixiao::model::Cell::from_input("9999");
    step(&d, "a project total");
    d.overall.project_funds = jixiao::model::Cell::from_input("12.5");
    step(&d, "the overall project funds");
    d.projects.swap(1, 2);
    step(&d, "two projects swapped");
    d.projects.remove(5);
    step(&d, "a project removed");
    let mut copy = (*d.projects[3]).clone();
    copy.id = Id(0);
    d.projects.insert(0, std::rc::Rc::new(copy));
    d.ensure_ids();
    step(&d, "a project copied to the front");
    d.year = "2022".into();
    step(&d, "the budget year");
    d.profile.show_warnings = false;
    step(&d, "warnings hidden");
    d.profile.satisfaction_min_percent = 99;
    step(&d, "a threshold");
    d.overall.indicators.clear();
    step(&d, "the overall grid emptied");
    let id = d.projects[1].id;
    d.project_at_mut(2).id = id;
    step(&d, "two projects with one id");
    d.projects.clear();
    step(&d, "every project removed");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// Any declaration after any other (project ids overlap, contents differ): same as fresh.
    #[test]
    fn any_sequence_of_declarations(a in common::declaration(), b in common::declaration(), c in common::declaration()) {
        let mut checker = Checker::default();
        let p = Profile::default();
        for d in [&a, &b, &a, &c, &c] {
            prop_assert_eq!(checker.check(d, &p), check(d, &p));
        }
    }
}
