//! Any declaration the model can hold is checked without a panic, and huge ones too.

mod common;

use jixiao::check::{check, fixtures};
use jixiao::model::{Cell, Declaration, IndicatorRow, Profile, ProjectForm};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_declarations_never_panic(d in common::declaration()) {
        let r = check(&d, &Profile::default());
        // Deterministic: the same input gives the same report.
        prop_assert_eq!(r, check(&d, &Profile::default()));
    }

    #[test]
    fn arbitrary_free_text_never_panics(value in "\\PC{0,60}", name in "\\PC{0,20}", target in "[0-9一二三十百千万元个名%≥≧以上至年月.,，、（）\\[\\]〔〕《》 ]{0,40}") {
        let mut d = fixtures::good();
        d.project_at_mut(0).indicators[0].value = value;
        d.project_at_mut(0).indicators[0].level3 = name;
        d.project_at_mut(0).annual_target = target.clone();
        d.overall.indicators[3].value = target;
        let _ = check(&d, &Profile::default());
    }
}

#[test]
fn empty_and_absurd_declarations() {
    // An empty declaration is checked (every required header missing), not refused.
    let empty = check(&Declaration::default(), &Profile::default());
    assert!(empty.findings.iter().any(|f| f.rule == "H4"));
    let _ = check(&Declaration::new_blank("2023"), &Profile::default());
    let mut d = fixtures::good();
    d.overall.total = Cell::from_input("79228162514264337593543950335");
    d.overall.personnel = Cell::from_input("79228162514264337593543950335");
    d.project_at_mut(0).total = Cell::from_input("0");
    d.project_at_mut(0).indicators[0].value = "999999999999999999999999999999名".into();
    d.project_at_mut(0).indicators[3].value =
        "每个79228162514264337593543950335万元，合计1万元".into();
    d.project_at_mut(0).indicators[0].weight = Cell::from_input("79228162514264337593543950335");
    d.project_at_mut(0).indicators[1].weight = Cell::from_input("79228162514264337593543950335");
    d.year = "99999".into();
    let absurd = check(
        &d,
        &Profile {
            satisfaction_min_percent: u32::MAX,
            cost_explained_min_percent: u32::MAX,
            ..Profile::default()
        },
    );
    // Sums that overflow are skipped, the rest is still checked: the unreadable year is reported.
    assert!(absurd.findings.iter().any(|f| f.rule == "Y1"));
}

#[test]
fn ten_thousand_projects() {
    let mut d = fixtures::good();
    let template = d.projects[0].clone();
    d.projects = (0..10_000)
        .map(|_| {
            std::rc::Rc::new(ProjectForm {
                indicators: vec![IndicatorRow {
                    value: "≥1名".into(),
                    ..template.indicators[0].clone()
                }],
                ..(*template).clone()
            })
        })
        .collect();
    d.ensure_ids();
    let r = check(&d, &Profile::default());
    assert!(r.findings.iter().any(|f| f.rule == "H2"));
}

#[test]
fn the_benchmark_declaration_checks() {
    let d = fixtures::generated(200, 30, 7);
    assert_eq!(d.projects.len(), 200);
    let r = check(&d, &Profile::default());
    assert!(r.findings.len() > 1000);
}

/// The benchmark stays honest about repeated text: the checker reads each distinct text once, so
/// a declaration of a few texts repeated would make it look faster than on real forms.
#[test]
fn the_benchmark_declaration_is_as_varied_as_a_real_one() {
    use std::collections::HashSet;
    let d = fixtures::generated(200, 30, 7);
    let rows: Vec<_> = d.projects.iter().flat_map(|p| &p.indicators).collect();
    let distinct = |field: fn(&IndicatorRow) -> &str| {
        let texts: HashSet<&str> = rows.iter().map(|r| field(r)).collect();
        texts.len() * 100 / rows.len()
    };
    let (names, values) = (distinct(|r| &r.level3), distinct(|r| &r.value));
    assert!(
        names >= 15 && values >= 30,
        "{names} % / {values} % distinct"
    );
    // Every template was filled.
    assert!(rows
        .iter()
        .all(|r| !r.level3.contains('{') && !r.value.contains('{')));
}

/// Findings sort by where their rows stand in the form, whatever ids the rows have: ids counted
/// from 1 (as the app gives them), far apart, or repeated in every form (files made by other tools).
#[test]
fn the_order_of_a_report_does_not_depend_on_row_ids() {
    let renumbered = |d: &Declaration, id: &dyn Fn(usize) -> u32| {
        let mut d = d.clone();
        for (k, r) in d.overall.indicators.iter_mut().enumerate() {
            r.id = jixiao::model::Id(id(k));
        }
        for p in d.projects_mut() {
            for (k, r) in p
                .indicators
                .iter_mut()
                .chain(p.long_term_indicators.iter_mut())
                .enumerate()
            {
                r.id = jixiao::model::Id(id(k));
            }
        }
        d
    };
    // The report as a reader sees it: form, place (row number and name), message, in order.
    let seen = |d: &Declaration| -> Vec<String> {
        let report = check(d, &d.profile).to_json(d);
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {} {}", f["form"], f["place"], f["message"]))
            .collect()
    };
    for d in [
        jixiao::model::example::declaration(),
        fixtures::generated(20, 30, 5),
    ] {
        let mut counted = d.clone();
        counted.ensure_ids();
        let expected = seen(&counted);
        assert!(expected.len() > 20);
        // Reversed: the last row has the smallest id.
        let reversed = renumbered(&d, &|k| 100_000 - k as u32);
        let apart = renumbered(&d, &|k| 1_000_000 + 1_000 * k as u32);
        let repeated = renumbered(&d, &|k| k as u32 + 1);
        for (what, other) in [
            ("reversed", reversed),
            ("apart", apart),
            ("repeated", repeated),
        ] {
            assert_eq!(seen(&other), expected, "ids {what}");
        }
    }
}
