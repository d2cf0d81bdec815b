//! The draft in the browser's local storage: saved on every change, restored on load, failures reported.

use crate::model::{json, Declaration};

const DRAFT_KEY: &str = "jixiao.draft.v1";
const BROKEN_KEY: &str = "jixiao.draft.unreadable";

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("无法访问浏览器窗口")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err("浏览器禁用了本地存储（可能处于隐私模式或被策略禁止），草稿无法自动保存；请及时“下载 JSON”保存".into()),
    }
}

/// Saves the draft.
///
/// # Errors
/// A Chinese message when storage is disabled or full.
pub fn save_draft(declaration: &Declaration) -> Result<(), String> {
    let s = storage()?;
    s.set_item(DRAFT_KEY, &json::to_json(declaration)).map_err(|_| {
        "浏览器本地存储已满或不可写，最新修改未能自动保存为草稿；请“下载 JSON”保存，或清理浏览器存储空间".to_string()
    })
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
