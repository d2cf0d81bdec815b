//! The top bar: 新建, 载入示例, 导入 JSON, 下载 JSON, and the declaration header (year, unit, framework).

use super::fields::{Pick, TextInput};
use crate::app::state::Action;
use crate::app::state::Shared;
use crate::model::{Framework, Path};
use yew::prelude::*;

/// Props of the toolbar.
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The declaration.
    pub declaration: Shared,
    /// Sends edits.
    pub dispatch: Callback<Action>,
    /// 新建.
    pub on_new: Callback<()>,
    /// 载入示例.
    pub on_example: Callback<()>,
    /// 下载 JSON.
    pub on_download: Callback<()>,
    /// A file was chosen for 导入 JSON.
    pub on_import: Callback<web_sys::File>,
    /// Whether 撤销 can act.
    pub can_undo: bool,
    /// Whether 重做 can act.
    pub can_redo: bool,
}

/// The top bar.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let d = &props.declaration;
    let shown = use_context::<crate::app::findings::Shown>()
        .unwrap_or_else(crate::app::findings::Shown::empty);
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                on_import.emit(file);
            }
            // Let the same file be chosen again.
            input.set_value("");
        })
    };
    let framework_options: Vec<(AttrValue, AttrValue)> = Framework::ALL
        .iter()
        .map(|f| (AttrValue::Static(f.key()), AttrValue::Static(f.label())))
        .collect();
    html! {
        <header class="topbar">
            <div class="title">
                <h1>{"绩效目标申报表 填报与自查"}</h1>
                <span class="tagline">{"全部在本机浏览器中运行，不上传任何数据"}</span>
            </div>
            <nav class="actions" aria-label="文件操作">
                <button type="button" onclick={click(&props.on_new)}>{"新建"}</button>
                <button type="button" onclick={click(&props.on_example)}>{"载入示例"}</button>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" onchange={on_file} />
                <label class="button" for="import-file">{"导入 JSON"}</label>
                <button type="button" class="primary" onclick={click(&props.on_download)}>{"下载 JSON"}</button>
                <button type="button" disabled={!props.can_undo} title="撤销（Ctrl+Z）" aria-keyshortcuts="Control+Z"
                    onclick={props.dispatch.reform(|_: MouseEvent| Action::Undo)}>{"↶ 撤销"}</button>
                <button type="button" disabled={!props.can_redo} title="重做（Ctrl+Y）" aria-keyshortcuts="Control+Y"
                    onclick={props.dispatch.reform(|_: MouseEvent| Action::Redo)}>{"↷ 重做"}</button>
            </nav>
            <div class="decl-header">
                <label for={Path::DeclarationYear.dom_id()}>{"预算年度"}</label>
                <TextInput id={Path::DeclarationYear.dom_id()} label="预算年度" dispatch={props.dispatch.clone()}
                    problems={shown.problems(&Path::DeclarationYear.dom_id())} value={d.year.clone()} class={classes!("year")}
                    placeholder="如 2023" on_input={props.dispatch.reform(|text| Action::SetYear { text })} />
                <label for={Path::DeclarationUnit.dom_id()}>{"预算单位"}</label>
                <TextInput id={Path::DeclarationUnit.dom_id()} label="预算单位" dispatch={props.dispatch.clone()}
                    problems={shown.problems(&Path::DeclarationUnit.dom_id())} value={d.unit_name.clone()} class={classes!("unit-name")}
                    placeholder="单位全称" on_input={props.dispatch.reform(|text| Action::SetUnitName { text })} />
                <label for="framework">{"指标框架"}</label>
                <Pick id="framework" label="指标框架" dispatch={props.dispatch.clone()} value={d.profile.framework.map(Framework::key).unwrap_or("")}
                    empty="自动识别（新表按传统框架）" options={framework_options}
                    on_change={props.dispatch.reform(|key| Action::SetFramework { key })} />
                <label class="check" title="不勾选时，项目经费与各项目表合计不一致只作为警告">
                    <input type="checkbox" id="project-set-complete" checked={d.profile.project_set_complete}
                        onchange={props.dispatch.reform(move |e: Event| Action::SetProjectSetComplete {
                            complete: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() })} />
                    {"已填全部项目表"}
                </label>
            </div>
        </header>
    }
}
