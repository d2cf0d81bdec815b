//! Pasting a table copied from Word, WPS or Excel into an indicator grid: the clipboard read into
//! rows of cells, each column matched to a field of the row, the rows written from the one pasted into.
//!
//! Word and WPS put a table on the clipboard as HTML (merged 一级/二级 cells as `rowspan`), Excel
//! as HTML and as tab-separated text. The page's script `web/paste.js` turns an HTML table into
//! tab-separated text (the browser parses the HTML); this module reads that text, and Excel's.

use super::framework::compact;
use super::money::trim_blank;
use super::path::{Field, FormRef, Grid, RowField};
use super::{Declaration, Id, IndicatorRow};

/// A pasted table: rows of cell texts, merged cells repeated in each row and column they cover.
pub type Table = Vec<Vec<String>>;

/// The table a paste carries, from tab-separated text: the clipboard's plain text, or its HTML
/// table as the page's script reads it (`web/paste.js`: Word's plain text would break a cell
/// of several paragraphs over lines). `None` for text without a tab, and for a single cell: that
/// is an ordinary paste into the field.
pub fn table_from_clipboard(text: &str) -> Option<Table> {
    let table = table_from_text(text)?;
    let cells: usize = table.iter().map(Vec::len).sum();
    (cells > 1).then_some(table)
}

/// Reads tab-separated text as Excel writes it: cells by tab, rows by line; a cell in double
/// quotes may hold tabs, line breaks and `""` for a quote. `None` without any tab.
pub fn table_from_text(text: &str) -> Option<Table> {
    if !text.contains('\t') {
        return None;
    }
    let mut rows = vec![vec![String::new()]];
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        let row = rows.last_mut().expect("never empty");
        let cell = row.last_mut().expect("never empty");
        match c {
            '"' if at_cell_start => {
                // Quoted: up to the quote not doubled.
                while let Some(q) = chars.next() {
                    if q == '"' {
                        if chars.peek() != Some(&'"') {
                            break;
                        }
                        chars.next();
                    }
                    cell.push(q);
                }
                at_cell_start = false;
                continue;
            }
            '\t' => row.push(String::new()),
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\n' | '\r' => rows.push(vec![String::new()]),
            other => cell.push(other),
        }
        at_cell_start = matches!(c, '\t' | '\n' | '\r');
    }
    Some(finish(rows))
}

/// A table without its empty rows at the end, each row as wide as the widest.
fn finish(mut rows: Table) -> Table {
    while rows
        .last()
        .is_some_and(|r| r.iter().all(|c| trim_blank(c).is_empty()))
    {
        rows.pop();
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    rows
}

/// The names templates of the provinces print over each column, and the field each names (`None`:
/// known, with nothing to paste: 序号, 备注, the label "绩效指标" printed beside the grid).
const HEADERS: &[(&[&str], Option<RowField>)] = &[
    (&["一级指标", "一级"], Some(RowField::Level1)),
    (&["二级指标", "二级"], Some(RowField::Level2)),
    (
        &["三级指标", "三级", "指标名称", "指标内容", "绩效指标名称"],
        Some(RowField::Level3),
    ),
    (
        &[
            "指标值",
            "目标值",
            "绩效指标值",
            "年度指标值",
            "指标目标值",
            "绩效目标值",
            "年度目标值",
            "预期目标值",
        ],
        Some(RowField::Value),
    ),
    (&["符号", "运算符号", "比较符号"], Some(RowField::Sign)),
    (&["数值", "指标数值"], Some(RowField::Number)),
    (&["计量单位", "度量单位", "单位"], Some(RowField::Unit)),
    (&["权重", "指标权重"], Some(RowField::Weight)),
    (&["分值", "指标分值"], Some(RowField::Score)),
    (&["指标方向", "指标方向性"], Some(RowField::Direction)),
    (&["绩效标准"], Some(RowField::Standard)),
    (
        &["指标解释", "指标说明", "指标定义"],
        Some(RowField::Explanation),
    ),
    (
        &[
            "评分标准",
            "评(扣)分标准",
            "评（扣）分标准",
            "评扣分标准",
            "计分方法",
            "评分方法",
        ],
        Some(RowField::Scoring),
    ),
    (
        &[
            "序号",
            "备注",
            "绩效指标",
            "年度绩效指标",
            "中长期绩效指标",
            "指标",
        ],
        None,
    ),
];

/// What a header cell names (its [`bare_label`]): `Some(Some(field))`, `Some(None)` for a known
/// column with nothing to paste, `None` for no header.
fn header_column(cell: &str) -> Option<Option<RowField>> {
    named(HEADERS, cell)
}

/// What a label means by one of the tables of names here: the value of the entry whose names
/// hold its [`bare_label`].
fn named<T: Copy>(table: &[(&[&str], T)], cell: &str) -> Option<T> {
    let core = bare_label(cell);
    (table.iter())
        .find(|(names, _)| names.contains(&core.as_str()))
        .map(|(_, value)| *value)
}

/// A cell of a row, trimmed ("" past the row's end: a table given by hand may be ragged).
fn cell(row: &[String], k: usize) -> &str {
    row.get(k).map_or("", |c| trim_blank(c))
}

/// A label as a template prints it, bare: without whitespace and colons, without 万元 or a note
/// in brackets at its end and 其中 at its start ("其中：人员经费:万元" → 人员经费, "一级\n指标" →
/// 一级指标, "指标值（包含数字及文字描述）" → 指标值).
fn bare_label(cell: &str) -> String {
    let name: String = (cell.chars())
        .filter(|c| !super::money::is_blank_char(*c) && !matches!(c, ':' | '：'))
        .collect();
    let core = name.strip_suffix("万元").unwrap_or(&name);
    let core = crate::text::split_trailing_bracket(core).0;
    core.strip_prefix("其中").unwrap_or(core).to_string()
}

/// What a paste did, for the notice the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pasted {
    /// Rows written (the one pasted into, empty rows after it, new rows).
    pub rows: usize,
    /// Of them, rows added to the grid.
    pub added: usize,
    /// Columns not pasted: their header, or "第N列" without one.
    pub left_out: Vec<String>,
    /// Values of choice columns (符号, 指标方向, 绩效标准) that name no choice, so were not pasted.
    pub unread: Vec<String>,
    /// The form's own fields filled from labels in the table (a whole form copied).
    pub fields: Vec<Field>,
}

impl Declaration {
    /// Pastes a table into a grid at a row and field.
    ///
    /// Columns: by the table's header row, the first row that names at least two fields (the
    /// rows above it are a whole form's own fields, 项目名称, 资金 …: see `fill_fields`);
    /// without one, one after another from the field pasted into, in the order the page shows
    /// them (`order`: 一级, 二级, 三级 when shown, 指标值), leading columns that only repeat a
    /// label ("绩效指标") aside.
    ///
    /// Rows: the first goes into the row pasted into; each next one into the next row when that
    /// is empty, else into a new row inserted there, so nothing typed in another row is
    /// overwritten. A table with 一级/二级 columns pasted into a grid where nothing is typed yet
    /// replaces it (the template's rows after it go). A table without them stays in the group
    /// pasted into. An empty 一级/二级 cell (a merged cell copied as text) is the one above it.
    /// Rows that are empty, repeat the header or are one label across every column are left out.
    ///
    /// `None` when the row is not there or the table has no row to paste.
    pub fn paste_table(
        &mut self,
        form: FormRef,
        grid: Grid,
        at: Id,
        from: RowField,
        order: &[RowField],
        table: &[Vec<String>],
    ) -> Option<Pasted> {
        let width = table.first().map_or(0, Vec::len);
        let header = grid_header(table);
        let mut columns: Vec<Option<RowField>> = match header {
            Some(h) => table[h]
                .iter()
                .map(|c| header_column(c).flatten())
                .collect(),
            None => vec![None; width],
        };
        // A whole form copied: its header fields stand above its grid.
        let fields = match header {
            Some(h) => self.fill_fields(form, &table[..h]),
            None => Vec::new(),
        };
        if header.is_none() {
            let labels = (0..width)
                .take_while(|&k| {
                    table
                        .iter()
                        .all(|row| header_column(cell(row, k)) == Some(None))
                })
                .count();
            let fields = order.iter().skip_while(|f| **f != from);
            for (slot, field) in columns.iter_mut().skip(labels).zip(fields) {
                *slot = Some(*field);
            }
        }
        let groups_given =
            columns.contains(&Some(RowField::Level1)) || columns.contains(&Some(RowField::Level2));
        let data: Vec<&Vec<String>> = table[header.map_or(0, |h| h + 1)..]
            .iter()
            .filter(|row| is_indicator(row, &columns))
            .collect();
        let mut next_id = self.fresh_id().0;
        let rows = self.rows_mut(form, grid)?;
        let mut at = rows.iter().position(|r| r.id == at)?;
        if data.is_empty() && fields.is_empty() {
            return None;
        }
        // A table with its own 一级/二级 pasted into a grid with nothing typed in it (a new
        // form's template rows) becomes the grid: the template's rows after it go.
        let replaces_template = groups_given && rows.iter().all(IndicatorRow::is_empty);
        let (mut added, mut unread) = (0, Vec::<String>::new());
        for (k, cells) in data.iter().enumerate() {
            if k > 0 {
                let above = &rows[at];
                let (l1, l2) = (above.level1.clone(), above.level2.clone());
                at += 1;
                let reuse = rows.get(at).is_some_and(|r| {
                    r.is_empty() && (groups_given || (r.level1 == l1 && r.level2 == l2))
                });
                if !reuse {
                    let id = Id(next_id);
                    next_id += 1;
                    added += 1;
                    rows.insert(
                        at,
                        IndicatorRow {
                            id,
                            level1: l1,
                            level2: l2,
                            ..Default::default()
                        },
                    );
                }
            }
            // An empty 一级/二级 cell is the row above's (the row's own, for the first).
            let above = &rows[if k > 0 { at - 1 } else { at }];
            let (above1, above2) = (above.level1.clone(), above.level2.clone());
            for (field, written) in columns.iter().zip(cells.iter()) {
                let Some(field) = *field else { continue };
                let text = match trim_blank(written) {
                    "" if field == RowField::Level1 => &above1,
                    "" if field == RowField::Level2 => &above2,
                    text => text,
                };
                rows[at].set(field, text);
                // A choice (符号, 指标方向, 绩效标准) the model has no name for is not kept: say so.
                if !text.is_empty()
                    && rows[at].get(field).is_empty()
                    && !unread.iter().any(|u| u == text)
                {
                    unread.push(text.to_string());
                }
            }
        }
        if replaces_template && !data.is_empty() {
            rows.truncate(at + 1);
        }
        // Columns with something in them that was not pasted, by header or number.
        let mut left_out = Vec::new();
        for (k, field) in columns.iter().enumerate() {
            let filled = data.iter().any(|row| {
                let text = cell(row, k);
                !text.is_empty() && header_column(text) != Some(None)
            });
            if field.is_none() && filled {
                left_out.push(match header.map(|h| compact(cell(&table[h], k))) {
                    Some(name) if !name.is_empty() => name.into_owned(),
                    _ => format!("第{}列", k + 1),
                });
            }
        }
        Some(Pasted {
            rows: data.len(),
            added,
            left_out,
            unread,
            fields,
        })
    }

    /// Pastes a table copied from a form into one of the form's own fields (项目名称 …): each
    /// field whose label the table holds takes the value beside or under the label, and the rows
    /// under a grid header go into the annual grid. `None` when the table holds neither.
    pub fn paste_form(&mut self, form: FormRef, table: &[Vec<String>]) -> Option<Pasted> {
        let header = grid_header(table);
        match (header, self.rows(form, Grid::Annual)?.first()) {
            // The fields above the grid are filled with it.
            (Some(_), Some(first)) => {
                let at = first.id;
                self.paste_table(form, Grid::Annual, at, RowField::Level1, &[], table)
            }
            _ => {
                let fields = self.fill_fields(form, &table[..header.unwrap_or(table.len())]);
                (!fields.is_empty()).then(|| Pasted {
                    fields,
                    ..Pasted::default()
                })
            }
        }
    }

    /// Sets each of a form's fields whose label a table holds ("项目名称", "年度资金总额：",
    /// "其中：人员经费:万元") to the value beside it (a merged label repeated aside), or under it
    /// when nothing stands beside it ("年度目标" over its text). Returns the fields set.
    fn fill_fields(&mut self, form: FormRef, table: &[Vec<String>]) -> Vec<Field> {
        let mut filled = Vec::new();
        for (r, row) in table.iter().enumerate() {
            for (k, text) in row.iter().enumerate() {
                let Some(field) = form_label(text).filter(|f| !filled.contains(f)) else {
                    continue;
                };
                let label = trim_blank(text);
                fn value<'t>(v: &'t str, label: &str) -> Option<&'t str> {
                    let v = trim_blank(v);
                    (v != label && form_label(v).is_none()).then_some(v)
                }
                let beside = row[k + 1..].iter().find(|c| trim_blank(c) != label);
                let value = match beside {
                    Some(v) => value(v, label),
                    None => table
                        .get(r + 1)
                        .and_then(|below| value(cell(below, k), label)),
                };
                if value.is_some_and(|v| !v.is_empty() && self.set_field(form, field, v)) {
                    filled.push(field);
                }
            }
        }
        filled
    }
}

/// The labels the forms print beside their fields, as templates word them (a unit, a colon and
/// "其中" aside).
const FORM_LABELS: &[(&[&str], Field)] = &[
    (&["项目名称"], Field::Name),
    (
        &[
            "预算单位",
            "预算名称",
            "单位名称",
            "部门名称",
            "申报单位",
            "部门（单位）名称",
        ],
        Field::UnitName,
    ),
    (&["主管部门"], Field::Department),
    (
        &[
            "年度资金总额",
            "资金总额",
            "年度财政拨款资金总额",
            "财政拨款资金总额",
        ],
        Field::Total,
    ),
    (&["人员经费"], Field::Personnel),
    (&["公用经费"], Field::Operating),
    (&["项目经费"], Field::ProjectFunds),
    (
        &[
            "年度主要任务及拟达到的目标",
            "年度主要任务内容及拟达到的目标",
            "年度主要任务",
        ],
        Field::Tasks,
    ),
    (&["财政拨款", "财政资金"], Field::Appropriation),
    (&["其他资金"], Field::OtherFunds),
    (
        &["年度目标", "本年度目标", "年度绩效目标"],
        Field::AnnualTarget,
    ),
    (&["实施单位"], Field::ImplementingUnit),
    (&["项目负责人及电话", "项目负责人"], Field::Manager),
    (&["项目属性"], Field::Attribute),
    (&["项目起止时间", "项目期限", "实施期限"], Field::Period),
    (&["上年结转资金", "上年结转"], Field::Carryover),
    (
        &["中长期目标", "实施期目标", "总目标"],
        Field::LongTermTarget,
    ),
];

/// The field a label cell names, if any.
fn form_label(cell: &str) -> Option<Field> {
    named(FORM_LABELS, cell)
}

/// The row of a table that heads an indicator grid: the first that names at least two of a row's
/// fields ("一级指标", "指标值" …).
pub fn grid_header(table: &[Vec<String>]) -> Option<usize> {
    table.iter().position(|row| {
        row.iter()
            .filter(|c| matches!(header_column(c), Some(Some(_))))
            .count()
            >= 2
    })
}

/// Whether a table pasted into a form's field holds the form's labels or its grid (a form, or
/// part of one, copied from Word), rather than a few cells of text for that field.
pub fn holds_a_form(table: &[Vec<String>]) -> bool {
    table.iter().flatten().any(|c| form_label(c).is_some()) || grid_header(table).is_some()
}

/// Whether a row of a table is an indicator: not empty, not the header again (a table copied over
/// a page break), not one label across every column ("年度绩效指标").
fn is_indicator(row: &[String], columns: &[Option<RowField>]) -> bool {
    let first = cell(row, 0);
    let one_label =
        (row.len() > 1 || first.is_empty()) && row.iter().all(|c| trim_blank(c) == first);
    let header_again = row
        .iter()
        .zip(columns)
        .all(|(c, field)| field.is_none() || header_column(c) == Some(*field));
    !one_label && !header_again
}

#[cfg(test)]
mod tests;
