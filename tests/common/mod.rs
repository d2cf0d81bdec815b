//! Generators of arbitrary declarations for property tests, shared by the test files.
#![allow(dead_code)]

use jixiao::model::*;
use proptest::prelude::*;

pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        Just("\u{3000}".to_string()),
        "[0-9]{1,4}(\\.[0-9]{1,3})?",
        "[ -~]{0,12}",
        "\\PC{0,16}",
        Just("满意度≧95%以上".to_string()),
        Just("1,234.5".to_string()),
        Just("１２.３".to_string()),
        Just("250万".to_string()),
    ]
    .boxed()
}

pub fn row() -> BoxedStrategy<IndicatorRow> {
    (
        (text(), text(), text(), text()),
        (
            proptest::option::of(prop::sample::select(Sign::ALL.to_vec())),
            text(),
            text(),
            text(),
            text(),
        ),
        (
            proptest::option::of(prop::sample::select(Direction::ALL.to_vec())),
            text(),
            text(),
            proptest::option::of(prop::sample::select(Standard::ALL.to_vec())),
        ),
    )
        .prop_map(
            |(
                (l1, l2, l3, value),
                (sign, number, unit, weight, score),
                (direction, explanation, scoring, standard),
            )| {
                IndicatorRow {
                    id: Id(0),
                    level1: l1,
                    level2: l2,
                    level3: l3,
                    value,
                    sign,
                    number: Cell::from_input(&number),
                    unit,
                    weight: Cell::from_input(&weight),
                    score: Cell::from_input(&score),
                    direction,
                    explanation,
                    scoring,
                    standard,
                }
            },
        )
        .boxed()
}

pub fn project() -> BoxedStrategy<ProjectForm> {
    (
        (text(), text(), text(), text(), text(), text(), text()),
        prop::collection::vec(row(), 0..6),
        (
            text(),
            text(),
            text(),
            proptest::option::of(prop::sample::select(ProjectAttribute::ALL.to_vec())),
            text(),
            text(),
            text(),
        ),
        prop::collection::vec(row(), 0..3),
    )
        .prop_map(
            |(
                (year, name, unit, total, appr, other, target),
                rows,
                (dept, imp, mgr, attribute, period, carry, lt),
                lt_rows,
            )| {
                ProjectForm {
                    id: Id(0),
                    year,
                    name,
                    unit_name: unit,
                    total: Cell::from_input(&total),
                    appropriation: Cell::from_input(&appr),
                    other_funds: Cell::from_input(&other),
                    annual_target: target,
                    indicators: rows,
                    department: dept,
                    implementing_unit: imp,
                    manager: mgr,
                    attribute,
                    period,
                    carryover: Cell::from_input(&carry),
                    long_term_target: lt,
                    long_term_indicators: lt_rows,
                }
            },
        )
        .boxed()
}

pub fn declaration() -> BoxedStrategy<Declaration> {
    (
        (
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
        ),
        prop::collection::vec(row(), 0..8),
        prop::collection::vec(project(), 0..5),
        (
            any::<bool>(),
            0u32..200,
            proptest::option::of(prop::sample::select(Framework::ALL.to_vec())),
        ),
    )
        .prop_map(
            |(
                (year, unit, oy, ou, total, pers, oper, pf),
                rows,
                projects,
                (complete, cap, framework),
            )| {
                let mut d = Declaration {
                    year,
                    unit_name: unit.clone(),
                    profile: Profile {
                        project_set_complete: complete,
                        indicator_cell_cap: cap,
                        framework,
                        ..Profile::default()
                    },
                    overall: OverallForm {
                        year: oy,
                        unit_name: ou,
                        department: String::new(),
                        total: Cell::from_input(&total),
                        personnel: Cell::from_input(&pers),
                        operating: Cell::from_input(&oper),
                        project_funds: Cell::from_input(&pf),
                        tasks: unit,
                        indicators: rows,
                    },
                    projects: projects.into_iter().map(std::rc::Rc::new).collect(),
                };
                d.ensure_ids();
                d
            },
        )
        .boxed()
}
