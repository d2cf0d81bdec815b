//! The JSON file format: lossless round trips over generated declarations, and the JSON Schema agrees with the types.

use jixiao::model::json::{from_str, to_json};
use jixiao::model::*;
use proptest::prelude::*;

mod common;
use common::declaration;
use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(include_str!("../schema/declaration.schema.json")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_declaration_round_trips_losslessly(d in declaration()) {
        let text = to_json(&d);
        let back = from_str(&text).unwrap();
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(to_json(&back), text);
    }

    #[test]
    fn what_the_app_writes_fits_the_schema(d in declaration()) {
        let validator = jsonschema::validator_for(&schema()).unwrap();
        let value: Value = serde_json::from_str(&to_json(&d)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

/// A row, project and declaration with every optional part filled, so serialization shows every key.
fn full() -> Declaration {
    let mut d = jixiao::model::example::declaration();
    d.profile.framework = Some(Framework::Cost2021);
    d.overall.department = "某主管部门".into();
    let row = IndicatorRow {
        id: Id(500),
        level1: "产出指标".into(),
        level2: "数量指标".into(),
        level3: "培训人数".into(),
        value: "≥100人".into(),
        sign: Some(Sign::AtLeast),
        number: Cell::from_input("100"),
        unit: "人".into(),
        weight: Cell::from_input("10"),
        score: Cell::from_input("8"),
        direction: Some(Direction::Positive),
        explanation: "x".into(),
        scoring: "x".into(),
        standard: Some(Standard::Plan),
    };
    let p = d.project_at_mut(0);
    p.department = "x".into();
    p.implementing_unit = "x".into();
    p.manager = "x".into();
    p.attribute = Some(ProjectAttribute::Continuing);
    p.period = "2022年1月至2024年12月".into();
    p.carryover = Cell::from_input("1.00");
    p.long_term_target = "x".into();
    p.long_term_indicators = vec![IndicatorRow {
        id: Id(501),
        ..row.clone()
    }];
    p.indicators.push(row);
    d
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn schema_keys(def: &Value) -> Vec<String> {
    keys(&def["properties"])
}

#[test]
fn the_schema_names_exactly_the_fields_the_types_write() {
    let s = schema();
    let v: Value = serde_json::from_str(&to_json(&full())).unwrap();
    assert_eq!(keys(&v), schema_keys(&s));
    assert_eq!(keys(&v["profile"]), schema_keys(&s["$defs"]["profile"]));
    assert_eq!(keys(&v["overall"]), schema_keys(&s["$defs"]["overall"]));
    assert_eq!(keys(&v["projects"][0]), schema_keys(&s["$defs"]["project"]));
    let full_row = v["projects"][0]["indicators"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    assert_eq!(keys(full_row), schema_keys(&s["$defs"]["row"]));
}

#[test]
fn the_schema_requires_what_the_types_require() {
    // Removing a field the schema calls required must also make the import fail, and the reverse.
    let s = schema();
    let base: Value = serde_json::from_str(&to_json(&full())).unwrap();
    let cases: [(&str, &[&str]); 3] = [
        ("#/$defs/overall", &["overall"]),
        ("#/$defs/project", &["projects", "0"]),
        ("#/$defs/row", &["projects", "0", "indicators", "0"]),
    ];
    for (def, at) in cases {
        let def = s.pointer(&def[1..]).unwrap();
        for key in schema_keys(def) {
            let mut v = base.clone();
            let mut target = &mut v;
            for seg in at {
                target = match seg.parse::<usize>() {
                    Ok(i) => &mut target[i],
                    Err(_) => &mut target[*seg],
                };
            }
            target.as_object_mut().unwrap().remove(&key);
            let schema_says = def["required"]
                .as_array()
                .is_some_and(|r| r.iter().any(|k| k == key.as_str()));
            let types_say = from_str(&v.to_string()).is_err();
            assert_eq!(
                schema_says, types_say,
                "{at:?}.{key}: schema required={schema_says}, import fails={types_say}"
            );
        }
    }
}

#[test]
fn the_schema_accepts_the_example_and_rejects_unknown_fields() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let v: Value = serde_json::from_str(jixiao::model::example::EXAMPLE_JSON).unwrap();
    assert!(validator.is_valid(&v));
    let mut bad = v.clone();
    bad["overall"]["totl"] = Value::String("1".into());
    assert!(!validator.is_valid(&bad));
    assert!(from_str(&bad.to_string()).is_err());
    let mut bad = v;
    bad["projects"][0]["total"] = serde_json::json!(20.0);
    assert!(!validator.is_valid(&bad));
    assert!(from_str(&bad.to_string()).is_err());
}

/// Every string in a file, with its path ("projects[2].indicators[0].value").
fn string_leaves(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::String(_) => out.push(path.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                string_leaves(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(members) => {
            for (k, item) in members {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                string_leaves(item, &p, out);
            }
        }
        _ => {}
    }
}

fn at_path<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    path.split('.').fold(v, |v, seg| {
        let (key, index) = match seg.split_once('[') {
            Some((k, i)) => (k, Some(i.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (seg, None),
        };
        let v = &mut v[key];
        match index {
            Some(i) => &mut v[i],
            None => v,
        }
    })
}

/// The import names the exact field that is wrong: each string of the example and of a full
/// declaration in turn becomes a number, and the error must give that field's path.
#[test]
fn a_wrong_field_is_named_by_its_exact_path_wherever_it_is() {
    for d in [example::declaration(), full()] {
        let original: Value = serde_json::from_str(&to_json(&d)).unwrap();
        let mut leaves = Vec::new();
        string_leaves(&original, "", &mut leaves);
        leaves.retain(|p| p != "format");
        assert!(leaves.len() > 50, "{}", leaves.len());
        for leaf in leaves {
            let mut broken = original.clone();
            *at_path(&mut broken, &leaf) = Value::from(123);
            let text = serde_json::to_string_pretty(&broken).unwrap();
            match from_str(&text) {
                Err(json::ImportError::Field { path, problem, .. }) => {
                    assert_eq!(path, leaf, "{problem}");
                    assert!(problem.contains("类型不对"), "{leaf}: {problem}");
                }
                other => panic!("{leaf}: {other:?}"),
            }
        }
    }
}

/// An unknown or missing field is named where it is, also in compact one-line JSON.
#[test]
fn unknown_and_missing_fields_are_placed() {
    let original: Value = serde_json::from_str(&to_json(&example::declaration())).unwrap();
    // (what, the change, the path the import must name, what it must say)
    type Case = (&'static str, fn(&mut Value), &'static str, &'static str);
    let cases: [Case; 5] = [
        (
            "unknown in a row",
            |v| {
                v["projects"][1]["indicators"][2]["levle3"] = Value::from("x");
            },
            "projects[1].indicators[2].levle3",
            "未知字段 levle3",
        ),
        (
            "unknown at the top",
            |v| {
                v["extra"] = Value::from(1);
            },
            "extra",
            "未知字段 extra",
        ),
        (
            "missing in a project",
            |v| {
                v["projects"][2].as_object_mut().unwrap().remove("name");
            },
            "projects[2]",
            "缺少字段 name",
        ),
        (
            "missing at the top",
            |v| {
                v.as_object_mut().unwrap().remove("unit_name");
            },
            "",
            "缺少字段 unit_name",
        ),
        (
            "wrong kind of list",
            |v| {
                v["overall"]["indicators"] = Value::from("none");
            },
            "overall.indicators",
            "类型不对",
        ),
    ];
    for (label, change, want_path, want_problem) in cases {
        let mut broken = original.clone();
        change(&mut broken);
        for text in [
            serde_json::to_string_pretty(&broken).unwrap(),
            broken.to_string(),
        ] {
            match from_str(&text) {
                Err(e @ json::ImportError::Field { .. }) => {
                    let json::ImportError::Field { path, problem, .. } = &e else {
                        unreachable!()
                    };
                    assert_eq!(path, want_path, "{label}");
                    assert!(problem.contains(want_problem), "{label}: {problem}");
                    assert!(e.to_string().contains(want_problem), "{label}: {e}");
                }
                other => panic!("{label}: {other:?}"),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A damaged file never stops the reader: whatever is cut, inserted or changed in a real file,
    /// the result is the declaration or a message (the page aborts on a panic, so this matters).
    #[test]
    fn a_damaged_file_gets_a_message_not_a_panic(
        edits in proptest::collection::vec(
            (0usize..30_000, 0usize..40, "[\\[\\]{}\",:0-9a-z\\\\ \n万元。]{0,6}"),
            1..4,
        )
    ) {
        let mut text = to_json(&example::declaration());
        for (at, cut, insert) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, &insert);
        }
        match from_str(&text) {
            Ok(d) => prop_assert!(d.projects.len() <= 6),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        let _ = jixiao::model::json::from_bytes(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Any text at all — JSON-like or not — gets a declaration or a message from the reader, and a
    /// profile on its own likewise (the page and the checker script abort on a panic).
    #[test]
    fn any_text_gets_a_result_not_a_panic(
        text in prop_oneof!["\\PC{0,60}", "[\\[\\]{}\",:0-9a-zA-Z\\\\ .eE+-]{0,60}"]
    ) {
        if let Err(e) = from_str(&text) {
            prop_assert!(!e.to_string().is_empty());
        }
        if let Err(e) = json::profile_from_str(&text) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
