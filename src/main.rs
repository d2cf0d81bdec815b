//! Entry point of the web app: built for wasm32 by Trunk; on a native build it says where the app is.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A safety net: should anything ever panic, say so in Chinese instead of freezing silently.
    // The draft saved before the failure is restored on reload.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let document = gloo::utils::document();
        if let Ok(banner) = document.create_element("p") {
            banner.set_class_name("notice notice-error crash");
            banner.set_attribute("role", "alert").ok();
            banner.set_text_content(Some("页面出现内部错误，请刷新页面；已自动保存的草稿会恢复。如反复出现，请先“下载 JSON”备份。"));
            if let Some(body) = document.body() {
                body.prepend_with_node_1(&banner).ok();
            }
        }
    }));
    jixiao::js_api::install();
    jixiao::app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("jixiao-web is the browser app; build it with `bash scripts/build.sh` (see README.md). For the command-line checker run `jixiao`.");
    std::process::exit(2);
}
