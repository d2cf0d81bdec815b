//! The web app (wasm32 only): the root component wiring state, checking, storage, files and views.

pub mod components;
pub mod files;
pub mod findings;
pub mod focus;
pub mod state;
pub mod storage;

use crate::check::{self, Report, Severity};
use crate::model::framework::{standard_level2, Framework, OVERALL_CATEGORIES};
use crate::model::{example, json, Declaration, FormRef};
use components::forms::{OverallFormView, ProjectFormView};
use components::panel::ProblemsPanel;
use components::print::PrintView;
use components::tabs::{Tab, Tabs};
use components::toolbar::Toolbar;
use findings::Shown;
use state::{Action, Editor, Notice};
use std::rc::Rc;
use yew::prelude::*;

/// How long after the last change the draft is written (ms); closing or hiding the page writes at once.
const SAVE_DELAY_MS: u32 = 250;

/// Starts the app in the page's body.
pub fn run() {
    match storage::fresh_mount() {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

fn initial_editor(boot: &storage::Boot) -> Editor {
    let notice = boot.notice.clone();
    match &boot.declaration {
        Some(d) => Editor::new(d.clone(), notice, has_content(d)),
        None => Editor::new(Declaration::new_blank(""), notice, false),
    }
}

/// True when the declaration holds anything a user typed (so replacing it needs a confirmation).
fn has_content(d: &Declaration) -> bool {
    *d != Declaration::new_blank(&d.year) || !d.year.trim().is_empty()
}

/// 新建 / 载入示例 / 导入: replaces the declaration — after asking, when it holds anything typed —
/// with a notice saying what happened; `show_all` shows every finding at once (a filled declaration).
fn replace_when_agreed(
    editor: &UseReducerHandle<Editor>,
    what: &str,
    declaration: Declaration,
    notice: String,
    show_all: bool,
) {
    let agreed = !has_content(&editor.declaration)
        || gloo::dialogs::confirm(&format!(
            "{what}会替换当前填写的全部内容（可用“撤销”找回）。确定继续吗？"
        ));
    if agreed {
        editor.dispatch(Action::Replace {
            declaration,
            notice: Some(Notice::info(notice)),
            show_all,
        });
    }
}

/// A request to take the user to a finding, applied after the next render.
#[derive(Clone, PartialEq)]
struct FocusRequest {
    index: usize,
    nonce: u32,
}

/// The root component.
#[component]
pub fn App() -> Html {
    let boot = use_memo((), |_| storage::boot());
    let editor = {
        let boot = boot.clone();
        use_reducer(move || initial_editor(&boot))
    };
    let storage_error = use_state(|| None::<String>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let printing = use_state(|| false);
    let focus_request = use_state(|| None::<FocusRequest>);
    let current = use_state(|| None::<usize>);

    // Findings are derived from the declaration, never stored; the checker keeps each unchanged
    // project form's findings from the check before, so a keystroke re-checks one form.
    let checker = use_mut_ref(check::Checker::default);
    let report: Rc<Report> = use_memo(editor.declaration.clone(), move |d| {
        checker.borrow_mut().check(d, &d.profile)
    });
    let by_id = use_memo((report.clone(), editor.active), |(r, active)| {
        Shown::index(r, *active)
    });

    // Save the draft (and the page's own copy) shortly after the typing stops, and at once when
    // the page is hidden or closed, so a keystroke does not wait for storage.
    let pending_save = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let latest = use_mut_ref(|| None::<(state::Shared, String)>);
    {
        let storage_error = storage_error.clone();
        let base = boot.base.clone();
        let pending_save = pending_save.clone();
        let latest = latest.clone();
        use_effect_with(editor.declaration.clone(), move |d| {
            *latest.borrow_mut() = Some((d.clone(), base));
            let latest = latest.clone();
            let timer = gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                if let Some((d, base)) = latest.borrow_mut().take() {
                    let result = storage::save(&d, &base).err();
                    if *storage_error != result {
                        storage_error.set(result);
                    }
                }
            });
            *pending_save.borrow_mut() = Some(timer);
        });
    }
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let flush = move |_: &web_sys::Event| {
                if let Some((d, base)) = latest.borrow_mut().take() {
                    let _ = storage::save(&d, &base);
                }
            };
            let window = gloo::utils::window();
            let on_hide = gloo::events::EventListener::new(&window, "pagehide", flush.clone());
            let on_hidden = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "visibilitychange",
                flush,
            );
            move || drop((on_hide, on_hidden))
        });
    }

    // One callback for the page's lifetime, so components that compare it see it unchanged.
    let dispatch: Callback<Action> = {
        let dispatcher = editor.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| dispatcher.dispatch(a))
        }))
        .clone()
    };

    // Going to a finding: open its form now, focus the field after the render. The callbacks read
    // the latest report and position through refs, so one made in an earlier render still acts on
    // what is on screen (the panel keeps its callbacks while what it lists is unchanged).
    let latest_report = use_mut_ref(|| report.clone());
    *latest_report.borrow_mut() = report.clone();
    let current_now = use_mut_ref(|| *current);
    *current_now.borrow_mut() = *current;
    let focus_nonce = use_mut_ref(|| 0u32);
    let go = {
        let editor = editor.clone();
        let latest_report = latest_report.clone();
        let focus_request = focus_request.clone();
        let current = current.clone();
        Callback::from(move |index: usize| {
            let Some(f) = latest_report.borrow().findings.get(index).cloned() else {
                return;
            };
            if let Some(form) = f.path.form() {
                editor.dispatch(Action::Open { form });
            }
            current.set(Some(index));
            let nonce = {
                let mut n = focus_nonce.borrow_mut();
                *n = n.wrapping_add(1);
                *n
            };
            focus_request.set(Some(FocusRequest { index, nonce }));
        })
    };
    {
        let report = report.clone();
        use_effect_with(focus_request.clone(), move |request| {
            if let Some(f) = request.as_ref().and_then(|r| report.findings.get(r.index)) {
                focus::focus_place(f.path, f.span);
            }
        });
    }
    let step = {
        let go = go.clone();
        Callback::from(move |delta: i32| {
            let n = latest_report.borrow().findings.len();
            if n == 0 {
                return;
            }
            let next = match *current_now.borrow() {
                None if delta > 0 => 0,
                None => n - 1,
                Some(i) => ((i as i64 + delta as i64).rem_euclid(n as i64)) as usize,
            };
            go.emit(next);
        })
    };

    // Keys: Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo and redo; F8 / Shift+F8 next and previous problem.
    let keys = use_mut_ref(|| None::<Callback<web_sys::KeyboardEvent>>);
    *keys.borrow_mut() = Some({
        let editor = editor.clone();
        let step = step.clone();
        Callback::from(move |e: web_sys::KeyboardEvent| {
            let ctrl = e.ctrl_key() || e.meta_key();
            let key = e.key();
            let action = match (ctrl, e.shift_key(), key.as_str()) {
                (true, false, "z" | "Z") => Some(Action::Undo),
                (true, true, "z" | "Z") | (true, _, "y" | "Y") => Some(Action::Redo),
                (false, shift, "F8") => {
                    e.prevent_default();
                    step.emit(if shift { -1 } else { 1 });
                    None
                }
                _ => None,
            };
            if let Some(a) = action {
                e.prevent_default();
                editor.dispatch(a);
            }
        })
    });
    {
        let keys = keys.clone();
        use_effect_with((), move |_| {
            // Not passive: the handler must be able to stop the browser's own undo in a text field.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    if let (Some(cb), Some(e)) = (
                        keys.borrow().as_ref(),
                        wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event),
                    ) {
                        cb.emit(e.clone());
                    }
                },
            );
            move || drop(listener)
        });
    }

    let on_new = {
        let editor = editor.clone();
        Callback::from(move |()| {
            let blank = Declaration::new_blank("");
            replace_when_agreed(&editor, "新建", blank, "已新建空白申报".into(), false);
        })
    };
    let on_example = {
        let editor = editor.clone();
        Callback::from(move |()| {
            let text =
                "已载入示例：攀枝花市仁和区人大常委会办公室 2022 年申报表（原样照录，含原表错误）";
            replace_when_agreed(
                &editor,
                "载入示例",
                example::declaration(),
                text.into(),
                true,
            );
        })
    };
    let on_download = {
        let editor = editor.clone();
        Callback::from(move |()| {
            if let Err(text) = files::download_json(&editor.declaration) {
                editor.dispatch(Action::Notify {
                    notice: Notice::error(text),
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
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| match result {
                Err(e) => editor.dispatch(Action::Notify {
                    notice: Notice::error(format!("无法读取文件“{name}”：{e}")),
                }),
                Ok(bytes) => match json::from_bytes(&bytes) {
                    Err(e) => editor.dispatch(Action::Notify {
                        notice: Notice::error(format!("未导入“{name}”：{e}。当前内容未改动。")),
                    }),
                    Ok(d) => {
                        replace_when_agreed(&editor, "导入", d, format!("已导入“{name}”"), true)
                    }
                },
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let shown = Shown {
        by_id,
        touched: editor.touched.clone(),
        show_all: editor.show_all,
    };

    let d = editor.declaration.clone();
    if *printing {
        let close = {
            let printing = printing.clone();
            Callback::from(move |()| printing.set(false))
        };
        return html! { <PrintView declaration={d} report={report.clone()} on_close={close} /> };
    }

    // Errors and warnings per form, for the tabs, in one pass over the findings: the report
    // holds each form's findings together, so each form is one run of them.
    let counts = use_memo(report.clone(), |r| {
        let mut counts: Vec<(FormRef, (usize, usize))> = Vec::new();
        for f in &r.findings {
            let Some(form) = f.path.form() else { continue };
            if counts.last().is_none_or(|(last, _)| *last != form) {
                counts.push((form, (0, 0)));
            }
            if let Some((_, c)) = counts.last_mut() {
                match f.severity {
                    Severity::Error => c.0 += 1,
                    Severity::Warning => c.1 += 1,
                    Severity::Info => {}
                }
            }
        }
        counts
    });
    let count_on = |form: FormRef| {
        (counts.iter())
            .find(|(f, _)| *f == form)
            .map_or((0, 0), |(_, c)| *c)
    };
    let tabs: Vec<Tab> = std::iter::once((FormRef::Overall, "整体支出表".to_string()))
        .chain(d.projects.iter().enumerate().map(|(i, p)| {
            let name = p.name.trim();
            (
                FormRef::Project(p.id),
                if name.is_empty() {
                    format!("项目 {}", i + 1)
                } else {
                    name.to_string()
                },
            )
        }))
        .map(|(form, title)| {
            let (errors, warnings) = count_on(form);
            Tab {
                form,
                title,
                errors,
                warnings,
            }
        })
        .collect();
    let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissNotice);
    let form_view = match editor.active {
        FormRef::Overall => {
            html! { <OverallFormView declaration={d.clone()} form={FormRef::Overall} dispatch={dispatch.clone()} /> }
        }
        form => {
            html! { <ProjectFormView key={crate::model::Path::Form(form).dom_id()} declaration={d.clone()} {form} dispatch={dispatch.clone()} /> }
        }
    };
    let on_print = {
        let printing = printing.clone();
        Callback::from(move |()| printing.set(true))
    };
    html! {
        <ContextProvider<Shown> context={shown}>
            <Toolbar declaration={d.clone()} dispatch={dispatch.clone()} {on_new} {on_example} {on_download} {on_import}
                can_undo={editor.can_undo()} can_redo={editor.can_redo()} />
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
            <div class="workspace">
                <div class="editor-column">
                    <Tabs {tabs} active={editor.active} dispatch={dispatch.clone()} />
                    <main>{ form_view }</main>
                </div>
                <ProblemsPanel declaration={d.clone()} report={report.clone()} current={*current} on_go={go} on_step={step}
                    on_check_all={dispatch.reform(|()| Action::CheckAll)} {on_print} show_all={editor.show_all} dispatch={dispatch.clone()} />
            </div>
            <footer class="status no-print">
                { if storage_error.is_none() { "每次修改都会自动保存为本浏览器中的草稿；交给他人或换电脑请“下载 JSON”。Word 或 Excel 中的表格可整表复制，粘贴到表中。快捷键：Ctrl+Z 撤销，Ctrl+Y 重做，F8 下一个问题。" } else { "" } }
            </footer>
            <Datalists />
        </ContextProvider<Shown>>
    }
}

/// Suggestions for 一级/二级 names, standard names and common template wordings.
#[component]
fn Datalists() -> Html {
    let names = use_memo((), |_| {
        let mut l1 = vec!["项目完成".to_string(), "项目效益".to_string()];
        let mut l2 = Vec::new();
        let all = Framework::ALL
            .iter()
            .flat_map(|f| f.project_categories().iter())
            .chain(OVERALL_CATEGORIES.iter());
        for (a, bs) in all {
            l1.push(a.to_string());
            l2.extend(bs.iter().map(|b| standard_level2(b).into_owned()));
        }
        for v in [&mut l1, &mut l2] {
            // A few dozen names: each kept where it first stands.
            let mut k = 0;
            while k < v.len() {
                if v[..k].contains(&v[k]) {
                    v.remove(k);
                } else {
                    k += 1;
                }
            }
        }
        (l1, l2)
    });
    html! {
        <>
            <datalist id="l1-names">{ for names.0.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
            <datalist id="l2-names">{ for names.1.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
        </>
    }
}
