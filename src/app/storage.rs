//! Where the declaration is kept in the browser: the draft in local storage (saved on every change,
//! restored on load) and a copy inside the page itself, so that a page saved with the browser's
//! Save Page reopens with the data it held. Failures are reported, never fatal.

use crate::app::state::Notice;
use crate::model::{json, Declaration};
use wasm_bindgen::JsCast;

const DRAFT_KEY: &str = "jixiao.draft.v1";
const BASE_KEY: &str = "jixiao.draft.base";
const BROKEN_KEY: &str = "jixiao.draft.unreadable";
const EMBED_ID: &str = "jixiao-saved";
/// The page copy's revision, an attribute of its element (Save Page keeps attributes).
const REV_ATTRIBUTE: &str = "data-rev";

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("无法访问浏览器窗口")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err("浏览器禁用了本地存储（可能处于隐私模式或被策略禁止），草稿无法自动保存；请及时“下载 JSON”保存".into()),
    }
}

/// What the app starts with.
pub struct Boot {
    /// The declaration to show, if any was kept.
    pub declaration: Option<Declaration>,
    /// What to tell the user.
    pub notice: Option<Notice>,
    /// The revision of the page copy the session started from ("" when none): a draft made from
    /// this page continues it; a page saved later carries a newer revision and wins over the draft.
    pub base: String,
}

/// The copy kept inside the page: (revision, declaration), if the page has one.
fn page_copy() -> Option<(String, Result<Declaration, json::ImportError>)> {
    let element = gloo::utils::document().get_element_by_id(EMBED_ID)?;
    let rev = element.get_attribute(REV_ATTRIBUTE)?;
    Some((rev, json::from_str(&element.text_content()?)))
}

/// Decides what to show at start: the page's own copy (a saved page), or the draft when it
/// continues that copy or there is none.
pub fn boot() -> Boot {
    let draft = load_draft();
    let base = storage()
        .ok()
        .and_then(|s| s.get_item(BASE_KEY).ok().flatten())
        .unwrap_or_default();
    match page_copy() {
        Some((rev, copy)) if rev != base => match copy {
            Ok(d) => Boot {
                declaration: Some(d),
                notice: Some(Notice::info("已打开保存在本页面中的申报")),
                base: rev,
            },
            Err(e) => Boot {
                declaration: None,
                notice: Some(Notice::error(format!("本页面中保存的申报无法读取（{e}）"))),
                base: rev,
            },
        },
        copy => {
            let base = copy.map(|(rev, _)| rev).unwrap_or_default();
            match draft {
                Ok(Some(d)) => Boot {
                    declaration: Some(d),
                    notice: Some(Notice::info("已恢复上次未完成的草稿")),
                    base,
                },
                Ok(None) => Boot {
                    declaration: None,
                    notice: None,
                    base,
                },
                Err(message) => Boot {
                    declaration: None,
                    notice: Some(Notice::error(message)),
                    base,
                },
            }
        }
    }
}

/// Saves the draft and refreshes the page's own copy.
///
/// # Errors
/// A Chinese message when storage is disabled or full (the page copy is still refreshed).
pub fn save(declaration: &Declaration, base: &str) -> Result<(), String> {
    let text = json::to_json(declaration);
    write_page_copy(&text);
    let s = storage()?;
    let full = "浏览器本地存储已满或不可写，最新修改未能自动保存为草稿；请“下载 JSON”保存，或清理浏览器存储空间".to_string();
    s.set_item(DRAFT_KEY, &text).map_err(|_| full.clone())?;
    s.set_item(BASE_KEY, base).map_err(|_| full)
}

/// Keeps the declaration inside the page, in a JSON script element the browser's Save Page writes out.
fn write_page_copy(declaration_json: &str) {
    let document = gloo::utils::document();
    let element = document.get_element_by_id(EMBED_ID).or_else(|| {
        let e = document.create_element("script").ok()?;
        e.set_id(EMBED_ID);
        let _ = e.set_attribute("type", "application/json");
        document.body()?.append_child(&e).ok()?;
        Some(e)
    });
    let Some(element) = element else { return };
    let rev = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    let _ = element.set_attribute(REV_ATTRIBUTE, &rev);
    // "</" inside a script element would end it early; "<\/" is the same JSON.
    element.set_text_content(Some(&declaration_json.replace("</", "<\\/")));
}

/// The saved draft: `Ok(None)` when there is none.
///
/// # Errors
/// A Chinese message when storage is unavailable or the draft cannot be read; an unreadable
/// draft is moved aside (kept under another key), never deleted.
pub fn load_draft() -> Result<Option<Declaration>, String> {
    let s = storage()?;
    let Ok(Some(text)) = s.get_item(DRAFT_KEY) else {
        return Ok(None);
    };
    match json::from_str(&text) {
        Ok(d) => Ok(Some(d)),
        Err(e) => {
            let kept = s.set_item(BROKEN_KEY, &text).is_ok();
            let where_kept = if kept {
                format!("原内容已另存于本地存储的 {BROKEN_KEY} 项")
            } else {
                "原内容仍保留在本地存储中".into()
            };
            if kept {
                let _ = s.remove_item(DRAFT_KEY);
            }
            Err(format!(
                "上次的草稿无法读取（{e}），已从空白申报开始；{where_kept}"
            ))
        }
    }
}

/// The element the app renders into, emptied first: a saved page holds a frozen copy of the last
/// rendering, which must not stay beside the live app.
pub fn fresh_mount() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    let mount = document.get_element_by_id("app").or_else(|| {
        let e = document.create_element("div").ok()?;
        e.set_id("app");
        document.body()?.prepend_with_node_1(&e).ok()?;
        Some(e)
    })?;
    mount.set_inner_html("");
    mount.dyn_into().ok()
}
