//! Files in and out of the page: download the declaration as JSON, read a chosen file's bytes.

use crate::model::{json, Declaration};
use wasm_bindgen::JsCast;

/// Offers the declaration as a .json download named from unit and year.
///
/// # Errors
/// A Chinese message when the browser refuses to create the file.
pub fn download_json(declaration: &Declaration) -> Result<(), String> {
    let fail = |_| "浏览器未能生成下载文件".to_string();
    let text = json::to_json(declaration);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "浏览器未能生成下载链接".to_string())?;
    a.set_href(&url);
    a.set_download(&json::file_name(declaration));
    a.click();
    // Revoke after the click has been handled.
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
