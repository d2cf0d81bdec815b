//! The indicator grid: a table with 一级/二级 grouping like the paper form, one keyed row per indicator.

use super::fields::{on_click, Pick, TextInput};
use crate::app::findings::{FieldProblems, Shown};

use crate::app::state::Action;
use crate::app::state::Shared;
use crate::model::edit::{Level, Move};
use crate::model::framework::{standard_level1, standard_level2};
use crate::model::{Direction, FormRef, Grid, Id, IndicatorRow, Path, RowField, Sign, Standard};
use yew::prelude::*;

/// Props of an indicator grid.
#[derive(Properties)]
pub struct IndicatorGridProps {
    /// The declaration (the grid picks its rows).
    pub declaration: Shared,
    /// Which form.
    pub form: FormRef,
    /// Which grid of the form.
    pub grid: Grid,
    /// The 一级 → 二级 names offered when adding a row.
    pub categories: &'static [(&'static str, &'static [&'static str])],
    /// Sends edits.
    pub dispatch: Callback<Action>,
}

/// Equal when this grid's rows are (not the whole declaration), so typing elsewhere does not render
/// the grid again.
impl PartialEq for IndicatorGridProps {
    fn eq(&self, other: &Self) -> bool {
        fn rows(p: &IndicatorGridProps) -> Option<&Vec<IndicatorRow>> {
            p.declaration.rows(p.form, p.grid)
        }
        self.form == other.form
            && self.grid == other.grid
            && std::ptr::eq(self.categories, other.categories)
            && self.dispatch == other.dispatch
            && (self.declaration == other.declaration || rows(self) == rows(other))
    }
}

/// How many table rows each row's 一级 and 二级 cell spans (0 = covered by the row above): its
/// group's rows, and the detail row under each one that is open.
fn spans(rows: &[IndicatorRow], open: &[bool]) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); rows.len()];
    let table_rows = |from: usize, to: usize| (from..to).map(|k| 1 + usize::from(open[k])).sum();
    let mut i = 0;
    while i < rows.len() {
        let l1_end = (i..rows.len())
            .find(|&k| rows[k].level1 != rows[i].level1)
            .unwrap_or(rows.len());
        out[i].0 = table_rows(i, l1_end);
        let mut j = i;
        while j < l1_end {
            let l2_end = (j..l1_end)
                .find(|&k| rows[k].level2 != rows[j].level2)
                .unwrap_or(l1_end);
            out[j].1 = table_rows(j, l2_end);
            j = l2_end;
        }
        i = l1_end;
    }
    out
}

/// The editable indicator grid of one form.
#[component]
pub fn IndicatorGrid(props: &IndicatorGridProps) -> Html {
    let IndicatorGridProps {
        declaration,
        form,
        grid,
        categories,
        dispatch,
    } = props;
    let (form, grid) = (*form, *grid);
    let expanded = use_state(Vec::<Id>::new);
    let shown = use_context::<Shown>().unwrap_or_else(Shown::empty);
    let show_l3_toggle = use_state(|| false);
    let adding = use_state(|| 0usize);
    let Some(rows) = declaration.rows(form, grid) else {
        return html! {};
    };
    let show_l3 = matches!(form, FormRef::Project(_))
        || *show_l3_toggle
        || rows.iter().any(|r| !r.level3.trim().is_empty());
    // A row opens by itself when one of its structured cells has something to show.
    let open: Vec<bool> = rows
        .iter()
        .map(|row| {
            expanded.contains(&row.id)
                || [
                    RowField::Sign,
                    RowField::Number,
                    RowField::Unit,
                    RowField::Weight,
                    RowField::Score,
                    RowField::Direction,
                    RowField::Standard,
                    RowField::Explanation,
                    RowField::Scoring,
                ]
                .iter()
                .any(|f| {
                    !shown
                        .at(&Path::Cell(form, grid, row.id, *f).dom_id())
                        .is_empty()
                })
        })
        .collect();
    let spans = spans(rows, &open);
    let ncols = if show_l3 { 5 } else { 4 };
    let order: &'static [RowField] = if show_l3 {
        &SHOWN[..]
    } else {
        &SHOWN_NO_L3[..]
    };
    // One listener for the grid: a table pasted into any of its cells fills rows from there.
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(action) = paste_action(&e, form, grid, order) {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };

    let cell_id = |row: Id, f: RowField| AttrValue::from(Path::Cell(form, grid, row, f).dom_id());
    let set = |row: Id, field: RowField| {
        dispatch.reform(move |text: String| Action::SetRowField {
            form,
            grid,
            row,
            field,
            text,
        })
    };

    let body = rows.iter().zip(spans).enumerate().map(|(index, (row, (l1span, l2span)))| {
        let id = row.id;
        let is_open = open[index];
        let toggle = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                let mut s = (*expanded).clone();
                match s.iter().position(|k| *k == id) {
                    Some(k) => drop(s.swap_remove(k)),
                    None => s.push(id),
                }
                expanded.set(s);
            })
        };
        let group_last = |level: Level| -> Id {
            let same = |r: &IndicatorRow| match level {
                Level::One => r.level1 == row.level1,
                Level::Two => r.level1 == row.level1 && r.level2 == row.level2,
            };
            rows[index..].iter().take_while(|r| same(r)).last().map_or(id, |r| r.id)
        };
        let add_in_l2 = {
            let (after, level1, level2) = (Some(group_last(Level::Two)), row.level1.clone(), row.level2.clone());
            on_click(dispatch, move || Action::InsertRow { form, grid, after, level1: level1.clone(), level2: level2.clone() })
        };
        let structured = row.sign.is_some() || !row.number.is_blank() || !row.unit.is_empty() || !row.weight.is_blank();
        let row_label = format!("第 {} 行", index + 1);
        html! {
            <>
            <tr key={format!("r{}", id.0)} class={classes!("indicator", row.is_empty().then_some("is-empty"))}>
                if l1span > 0 {
                    <td rowspan={l1span.to_string()} class="group l1">
                        <TextInput id={cell_id(id, RowField::Level1)} label="一级指标" value={row.level1.clone()}
                            problems={shown.problems(&cell_id(id, RowField::Level1))} dispatch={dispatch.clone()}
                            list={Some(AttrValue::from("l1-names"))}
                            on_input={dispatch.reform(move |text| Action::RenameGroup { form, grid, row: id, level: Level::One, text })} />
                    </td>
                }
                if l2span > 0 {
                    <td rowspan={l2span.to_string()} class="group l2">
                        <TextInput id={cell_id(id, RowField::Level2)} label="二级指标" value={row.level2.clone()}
                            problems={shown.problems(&cell_id(id, RowField::Level2))} dispatch={dispatch.clone()}
                            list={Some(AttrValue::from("l2-names"))}
                            on_input={dispatch.reform(move |text| Action::RenameGroup { form, grid, row: id, level: Level::Two, text })} />
                        <button type="button" class="small" title="在此二级指标下添加一行"
                            aria-label={format!("在“{}”下添加指标行", row.level2)} onclick={add_in_l2}>{"＋ 添加"}</button>
                    </td>
                }
                if show_l3 {
                    <td class="l3">
                        <TextInput id={cell_id(id, RowField::Level3)} label={format!("{row_label} 三级指标")}
                            problems={shown.problems(&cell_id(id, RowField::Level3))} dispatch={dispatch.clone()}
                            value={row.level3.clone()} on_input={set(id, RowField::Level3)} multiline=true />
                    </td>
                }
                <td class="value">
                    <TextInput id={cell_id(id, RowField::Value)} label={format!("{row_label} 指标值")}
                        problems={shown.problems(&cell_id(id, RowField::Value))} dispatch={dispatch.clone()}
                        value={row.value.clone()} on_input={set(id, RowField::Value)} multiline=true
                        placeholder={row.structured_target().map(|t| format!("{t}（见“详”）")).unwrap_or_default()} />
                </td>
                <td class="ops">
                    <button type="button" class="icon" title="上移" aria-label={format!("{row_label} 上移")}
                        onclick={on_click(dispatch, move || Action::MoveRow { form, grid, row: id, dir: Move::Up })}>{"↑"}</button>
                    <button type="button" class="icon" title="下移" aria-label={format!("{row_label} 下移")}
                        onclick={on_click(dispatch, move || Action::MoveRow { form, grid, row: id, dir: Move::Down })}>{"↓"}</button>
                    <button type="button" class={classes!("icon", structured.then_some("has-detail"))}
                        title="结构化填写：符号、数值、单位、权重等" aria-expanded={is_open.to_string()}
                        aria-label={format!("{row_label} 结构化填写")} onclick={toggle}>{"详"}</button>
                    <button type="button" class="icon danger" title="删除此行" aria-label={format!("{row_label} 删除")}
                        onclick={on_click(dispatch, move || Action::RemoveRow { form, grid, row: id })}>{"✕"}</button>
                </td>
            </tr>
            if is_open {
                // Under the 一级 and 二级 cells, which span it.
                <tr key={format!("d{}", id.0)} class="detail">
                    <td colspan={(ncols - 2).to_string()}>
                        <StructuredEditor row={row.clone()} {form} {grid} dispatch={dispatch.clone()} />
                    </td>
                </tr>
            }
            </>
        }
    });

    let choices: Vec<(String, String)> = categories
        .iter()
        .flat_map(|(l1, l2s)| l2s.iter().map(move |l2| (l1.to_string(), l2.to_string())))
        .collect();
    let on_pick = {
        let adding = adding.clone();
        Callback::from(move |e: Event| {
            adding.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(0),
            )
        })
    };
    let add_row = {
        let (l1, l2) = choices.get(*adding).cloned().unwrap_or_default();
        // After the last row of the same (standardised) group, else at the end.
        let after = rows
            .iter()
            .rev()
            .find(|r| {
                standard_level1(&r.level1) == standard_level1(&l1)
                    && standard_level2(&r.level2) == standard_level2(&l2)
            })
            .map(|r| r.id);
        let (l1, l2) = match rows.iter().rev().find(|r| Some(r.id) == after) {
            Some(r) => (r.level1.clone(), r.level2.clone()),
            None => (l1, l2),
        };
        on_click(dispatch, move || Action::InsertRow {
            form,
            grid,
            after,
            level1: l1.clone(),
            level2: l2.clone(),
        })
    };
    let toggle_l3 = {
        let t = show_l3_toggle.clone();
        Callback::from(move |_: Event| t.set(!*t))
    };
    let grid_id = Path::Grid(form, grid).dom_id();
    html! {
        <div class="grid-wrap">
            <FieldProblems id={grid_id.clone()} problems={shown.problems(&grid_id)} dispatch={dispatch.clone()} />
            <table class="grid" id={grid_id.clone()} tabindex="-1" aria-label="绩效指标" {onpaste}>
                <thead>
                    <tr>
                        <th class="l1">{"一级指标"}</th>
                        <th class="l2">{"二级指标"}</th>
                        if show_l3 { <th class="l3">{"三级指标"}</th> }
                        <th class="value">{"指标值（包含数字及文字描述）"}</th>
                        <th class="ops no-print">{"操作"}</th>
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
            <div class="grid-tools no-print">
                <label>{"添加指标行："}
                    <select id={format!("{grid_id}-add")} onchange={on_pick}>
                        { for choices.iter().enumerate().map(|(i, (a, b))| html! {
                            <option value={i.to_string()} selected={i == *adding}>{format!("{a} › {b}")}</option>
                        }) }
                    </select>
                </label>
                <button type="button" onclick={add_row}>{"添加"}</button>
                if matches!(form, FormRef::Overall) {
                    <label class="check"><input type="checkbox" checked={show_l3} disabled={rows.iter().any(|r| !r.level3.trim().is_empty())} onchange={toggle_l3} />{"显示三级指标列"}</label>
                }
            </div>
        </div>
    }
}

/// The grid's columns as shown, with the 三级 column …
const SHOWN: [RowField; 4] = [
    RowField::Level1,
    RowField::Level2,
    RowField::Level3,
    RowField::Value,
];
/// … and without it (an overall form whose rows have no 三级).
const SHOWN_NO_L3: [RowField; 3] = [RowField::Level1, RowField::Level2, RowField::Value];

/// The paste of a table (more than one cell: from Word, WPS, Excel) into a cell of the grid's
/// columns, as an action; `None` for text, which pastes into the field as usual.
fn paste_action(
    e: &Event,
    form: FormRef,
    grid: Grid,
    order: &'static [RowField],
) -> Option<Action> {
    let table = clipboard_table(e)?;
    // The cell's id ends with its row's id and field ("c-p3-annual-17-value").
    let id = e.target_unchecked_into::<web_sys::Element>().id();
    let dash = |to: usize| id.as_bytes()[..to].iter().rposition(|b| *b == b'-');
    let end = dash(id.len())?;
    let row = Id(id[dash(end)? + 1..end].parse().ok()?);
    let field = *order
        .iter()
        .find(|f| Path::Cell(form, grid, row, **f).dom_id() == id)?;
    Some(Action::PasteTable {
        form,
        grid,
        row,
        field,
        order,
        table,
    })
}

/// The table a paste event carries (more than one cell), from its HTML read by web/paste.js, else
/// its plain text.
pub fn clipboard_table(e: &Event) -> Option<crate::model::paste::Table> {
    use wasm_bindgen::JsCast;
    let data = e.dyn_ref::<web_sys::ClipboardEvent>()?.clipboard_data()?;
    let html = data.get_data("text/html").unwrap_or_default();
    let tsv = if html.contains("<table") {
        table_text(&html).unwrap_or_default()
    } else {
        String::new()
    };
    let tsv = if tsv.is_empty() {
        data.get_data("text/plain").unwrap_or_default()
    } else {
        tsv
    };
    crate::model::paste::table_from_clipboard(&tsv)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The first table of clipboard HTML as tab-separated text, '' without one (web/paste.js).
    #[wasm_bindgen(catch, js_name = jixiaoTableText)]
    fn table_text(html: &str) -> Result<String, wasm_bindgen::JsValue>;
}

/// Props of the structured editor of one row.
#[derive(Properties, PartialEq)]
pub struct StructuredEditorProps {
    /// The row.
    pub row: IndicatorRow,
    /// Its form.
    pub form: FormRef,
    /// Its grid.
    pub grid: Grid,
    /// Sends edits.
    pub dispatch: Callback<Action>,
}

/// Sign / number / unit / weight / direction / standard / explanation of one row.
#[component]
pub fn StructuredEditor(props: &StructuredEditorProps) -> Html {
    let StructuredEditorProps {
        row,
        form,
        grid,
        dispatch,
    } = props;
    let (form, grid, id) = (*form, *grid, row.id);
    let set = |field: RowField| {
        dispatch.reform(move |text: String| Action::SetRowField {
            form,
            grid,
            row: id,
            field,
            text,
        })
    };
    let cid = |f: RowField| AttrValue::from(Path::Cell(form, grid, id, f).dom_id());
    let shown = use_context::<Shown>().unwrap_or_else(Shown::empty);
    let problems = |f: RowField| shown.problems(&Path::Cell(form, grid, id, f).dom_id());
    let opts = |labels: Vec<&'static str>| -> Vec<(AttrValue, AttrValue)> {
        labels
            .into_iter()
            .map(|l| (AttrValue::Static(l), AttrValue::Static(l)))
            .collect()
    };
    let text = |f: RowField, multiline: bool| {
        html! {
            <label class="sfield"><span>{f.label()}</span>
                <TextInput id={cid(f)} label={f.label()} value={row.get(f)} on_input={set(f)} {multiline}
                    problems={problems(f)} dispatch={dispatch.clone()} />
            </label>
        }
    };
    let reading = row
        .structured_target()
        .unwrap_or_else(|| describe_reading(&row.value));
    html! {
        <div class="structured">
            <p class="reading" id={format!("{}-reading", cid(RowField::Value))}>{"指标值读作："}{reading}</p>
            <label class="sfield"><span>{"符号"}</span>
                <Pick id={cid(RowField::Sign)} problems={problems(RowField::Sign)} dispatch={dispatch.clone()} label="符号" value={row.get(RowField::Sign)}
                    options={opts(Sign::ALL.iter().map(|s| s.label()).collect())} on_change={set(RowField::Sign)} />
            </label>
            { text(RowField::Number, false) }
            { text(RowField::Unit, false) }
            { text(RowField::Weight, false) }
            { text(RowField::Score, false) }
            <label class="sfield"><span>{"指标方向性"}</span>
                <Pick id={cid(RowField::Direction)} problems={problems(RowField::Direction)} dispatch={dispatch.clone()} label="指标方向性" value={row.get(RowField::Direction)}
                    options={opts(Direction::ALL.iter().map(|s| s.label()).collect())} on_change={set(RowField::Direction)} />
            </label>
            <label class="sfield"><span>{"绩效标准"}</span>
                <Pick id={cid(RowField::Standard)} problems={problems(RowField::Standard)} dispatch={dispatch.clone()} label="绩效标准" value={row.get(RowField::Standard)}
                    options={opts(Standard::ALL.iter().map(|s| s.label()).collect())} on_change={set(RowField::Standard)} />
            </label>
            { text(RowField::Explanation, true) }
            { text(RowField::Scoring, true) }
        </div>
    }
}

/// How the checker reads a free-text value: "≥ 95 %（量化）", or "定性（无数值）".
pub fn describe_reading(value: &str) -> String {
    use crate::text::{self, Folded, Role, SignKind};
    if value.trim().is_empty() {
        return "（未填）".into();
    }
    let f = Folded::new(value);
    let quantities = text::quantities(&f);
    let signs = text::signs(&f, value);
    let Some(q) = quantities
        .iter()
        .find(|q| q.role == Role::Plain)
        .or(quantities.first())
    else {
        return "定性（没有数值）".into();
    };
    let sign = match signs.first().map(|s| s.kind) {
        Some(SignKind::AtLeast) => "≥ ",
        Some(SignKind::AtMost) => "≤ ",
        Some(SignKind::Equal) => "= ",
        Some(SignKind::Greater) => "> ",
        Some(SignKind::Less) => "< ",
        None => "",
    };
    let unit = if q.unit.is_empty() {
        "（无单位）".to_string()
    } else {
        format!(" {}", q.unit)
    };
    let more = if quantities.len() > 1 {
        format!("；另有 {} 个数值", quantities.len() - 1)
    } else {
        String::new()
    };
    format!(
        "{sign}{}{unit}（量化）{more}",
        crate::check::kind::num(&q.value)
    )
}
