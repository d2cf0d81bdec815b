//! The checker for other pages and systems: `check(declaration[, profile])` exported to JavaScript.
//!
//! Built on its own, without the page (`--features js-api`, see scripts/build.sh), into the one
//! self-contained script `dist/api/jixiao-check.js`, which sets `window.jixiao`; the app page does
//! not carry it. `declaration` is a declaration file as an object (or its JSON text); `profile` is
//! optional and defaults to the one saved in the declaration. The result is a plain object: grade,
//! counts and findings with rule, severity, path, span, kind, message, fix, form and place.

use crate::check;
use crate::model::{json, Profile};
use wasm_bindgen::prelude::*;

fn to_js(value: &serde_json::Value) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(value, &serializer).unwrap_or(JsValue::NULL)
}

/// A JS value as JSON text: a string as it is, anything else through `JSON.stringify`.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    match value.as_string() {
        Some(text) => Ok(text),
        None => js_sys::JSON::stringify(value)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| JsValue::from_str(&format!("{what}无法读取：不是可转换为 JSON 的对象"))),
    }
}

/// Checks a declaration; see the module docs for the shapes.
///
/// # Errors
/// A Chinese message (as a JS string) when the declaration or the profile cannot be read.
#[wasm_bindgen(js_name = check)]
pub fn check_js(declaration: JsValue, profile: JsValue) -> Result<JsValue, JsValue> {
    // Objects are read as the same JSON text a file holds, so both give the same messages.
    let d = json::from_str(&json_text(&declaration, "申报数据")?)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let profile: Profile = if profile.is_undefined() || profile.is_null() {
        d.profile.clone()
    } else {
        json::profile_from_str(&json_text(&profile, "检查设置")?)
            .map_err(|e| JsValue::from_str(&format!("检查设置无法读取：{e}")))?
    };
    Ok(to_js(&check::check(&d, &profile).to_json(&d)))
}

/// Times the checker on a generated declaration of `projects` × `rows` indicators, `runs` times;
/// returns the sorted run times in milliseconds (for the browser benchmark). With `after_edit`, each
/// run first types one character into one project and checks again with a [`check::Checker`]
/// (what the page does per keystroke).
#[wasm_bindgen(js_name = benchmarkCheck)]
pub fn benchmark_check(projects: usize, rows: usize, runs: usize, after_edit: bool) -> Vec<f64> {
    let mut d = check::fixtures::generated(projects, rows, 7);
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    let mut checker = check::Checker::default();
    checker.check(&d, &d.profile);
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|i| {
            if after_edit && projects > 0 && rows > 0 {
                let value = &mut d.project_at_mut(i % projects).indicators[i % rows].value;
                if i % 2 == 0 {
                    value.push('。');
                } else {
                    value.pop();
                }
            }
            let start = now();
            let report = if after_edit {
                checker.check(&d, &d.profile)
            } else {
                check::check(&d, &d.profile)
            };
            std::hint::black_box(report.findings.len());
            now() - start
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    times
}
