//! The web app (wasm32 only): the root component wiring state, storage, files and the form views.

pub mod components;
pub mod files;
pub mod state;
pub mod storage;

use crate::model::framework::{standard_level2, Framework, OVERALL_CATEGORIES};
use crate::model::{example, json, Declaration, FormRef};
use components::forms::{OverallFormView, ProjectFormView};
use components::toolbar::Toolbar;
use state::{Action, Editor, Notice};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Starts the app in the page's body.
pub fn run() {
    yew::Renderer::<App>::new().render();
}

fn initial_editor() -> Editor {
    match storage::load_draft() {
        Ok(Some(d)) => Editor::new(
            d,
            Some(Notice {
                is_error: false,
                text: "已恢复上次未完成的草稿".into(),
            }),
        ),
        Ok(None) => Editor::new(Declaration::new_blank(""), None),
        Err(message) => Editor::new(
            Declaration::new_blank(""),
            Some(Notice {
                is_error: true,
                text: message,
            }),
        ),
    }
}

/// True when the declaration holds anything a user typed (so replacing it needs a confirmation).
fn has_content(d: &Declaration) -> bool {
    *d != Declaration::new_blank(&d.year) || !d.year.trim().is_empty()
}

fn confirm_replace(d: &Declaration, what: &str) -> bool {
    !has_content(d)
        || gloo::dialogs::confirm(&format!(
            "{what}会替换当前填写的全部内容（当前内容不会另存）。确定继续吗？"
        ))
}

/// The root component.
#[component]
pub fn App() -> Html {
    let editor = use_reducer(initial_editor);
    let storage_error = use_state(|| None::<String>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);

    // Save the draft after every change of the declaration.
    {
        let storage_error = storage_error.clone();
        use_effect_with(editor.declaration.clone(), move |d| {
            let result = storage::save_draft(d).err();
            if *storage_error != result {
                storage_error.set(result);
            }
        });
    }

    let dispatch = {
        let editor = editor.clone();
        Callback::from(move |a: Action| editor.dispatch(a))
    };
    let on_new = {
        let editor = editor.clone();
        Callback::from(move |()| {
            if confirm_replace(&editor.declaration, "新建") {
                editor.dispatch(Action::Replace {
                    declaration: Declaration::new_blank(""),
                    notice: Some(Notice {
                        is_error: false,
                        text: "已新建空白申报".into(),
                    }),
                });
            }
        })
    };
    let on_example = {
        let editor = editor.clone();
        Callback::from(move |()| {
            if confirm_replace(&editor.declaration, "载入示例") {
                editor.dispatch(Action::Replace {
                    declaration: example::declaration(),
                    notice: Some(Notice { is_error: false, text: "已载入示例：攀枝花市仁和区人大常委会办公室 2022 年申报表（原样照录，含原表错误）".into() }),
                });
            }
        })
    };
    let on_download = {
        let editor = editor.clone();
        Callback::from(move |()| {
            if let Err(text) = files::download_json(&editor.declaration) {
                editor.dispatch(Action::Notify {
                    notice: Notice {
                        is_error: true,
                        text,
                    },
                });
            }
        })
    };
    let on_import = {
        let editor = editor.clone();
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let file = gloo::file::File::from(file);
            let editor = editor.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
                let notice = |text: String| Notice {
                    is_error: true,
                    text,
                };
                match result {
                    Err(e) => editor.dispatch(Action::Notify {
                        notice: notice(format!("无法读取文件“{name}”：{e}")),
                    }),
                    Ok(bytes) => match json::from_bytes(&bytes) {
                        Err(e) => editor.dispatch(Action::Notify {
                            notice: notice(format!("未导入“{name}”：{e}。当前内容未改动。")),
                        }),
                        Ok(d) => {
                            if confirm_replace(&editor.declaration, "导入") {
                                editor.dispatch(Action::Replace {
                                    declaration: d,
                                    notice: Some(Notice {
                                        is_error: false,
                                        text: format!("已导入“{name}”"),
                                    }),
                                });
                            }
                        }
                    },
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let d = editor.declaration.clone();
    let tabs = std::iter::once((FormRef::Overall, "整体支出表".to_string())).chain(
        d.projects.iter().enumerate().map(|(i, p)| {
            let name = p.name.trim();
            (
                FormRef::Project(p.id),
                if name.is_empty() {
                    format!("项目 {}", i + 1)
                } else {
                    name.to_string()
                },
            )
        }),
    );
    let tab = |(form, title): (FormRef, String)| {
        let selected = editor.active == form;
        let onclick = dispatch.reform(move |_: MouseEvent| Action::Open { form });
        let full = title.clone();
        let short: String = if title.chars().count() > 12 {
            title.chars().take(11).chain(['…']).collect()
        } else {
            title
        };
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} title={full}
                class={classes!("tab", selected.then_some("active"))} {onclick}>{short}</button>
        }
    };
    let add_project = dispatch.reform(|_: MouseEvent| Action::AddProject);
    let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissNotice);
    let form_view = match editor.active {
        FormRef::Overall => {
            html! { <OverallFormView declaration={d.clone()} form={FormRef::Overall} dispatch={dispatch.clone()} /> }
        }
        form => {
            html! { <ProjectFormView key={format!("{form:?}")} declaration={d.clone()} {form} dispatch={dispatch.clone()} /> }
        }
    };
    html! {
        <>
            <Toolbar declaration={d.clone()} dispatch={dispatch.clone()} {on_new} {on_example} {on_download} {on_import} />
            <div class="notices" aria-live="polite">
                if let Some(n) = &editor.notice {
                    <p class={classes!("notice", n.is_error.then_some("notice-error"))} role={n.is_error.then_some("alert")} id="notice">
                        <span>{ n.text.clone() }</span>
                        <button type="button" class="icon" aria-label="关闭提示" onclick={dismiss}>{"✕"}</button>
                    </p>
                }
                if let Some(text) = &*storage_error {
                    <p class="notice notice-error" role="alert" id="storage-error">{ text.clone() }</p>
                }
            </div>
            <nav class="tabs" role="tablist" aria-label="申报表">
                { for tabs.map(tab) }
                <button type="button" class="tab add" onclick={add_project}>{"＋ 新增项目表"}</button>
            </nav>
            <main>{ form_view }</main>
            <footer class="status no-print">
                { if storage_error.is_none() { "每次修改都会自动保存为本浏览器中的草稿；交给他人或换电脑请“下载 JSON”。" } else { "" } }
            </footer>
            <Datalists />
        </>
    }
}

/// Suggestions for 一级/二级 names, standard names and common template wordings.
#[component]
fn Datalists() -> Html {
    thread_local! {
        static NAMES: RefCell<Option<Rc<(Vec<String>, Vec<String>)>>> = const { RefCell::new(None) };
    }
    let names = NAMES.with(|n| {
        n.borrow_mut()
            .get_or_insert_with(|| {
                let mut l1 = vec!["项目完成".to_string(), "项目效益".to_string()];
                let mut l2 = Vec::new();
                let all = Framework::ALL
                    .iter()
                    .flat_map(|f| f.project_categories().iter())
                    .chain(OVERALL_CATEGORIES.iter());
                for (a, bs) in all {
                    l1.push(a.to_string());
                    l2.extend(bs.iter().map(|b| standard_level2(b)));
                }
                for v in [&mut l1, &mut l2] {
                    let mut seen = std::collections::HashSet::new();
                    v.retain(|s| seen.insert(s.clone()));
                }
                Rc::new((l1, l2))
            })
            .clone()
    });
    html! {
        <>
            <datalist id="l1-names">{ for names.0.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
            <datalist id="l2-names">{ for names.1.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
        </>
    }
}
