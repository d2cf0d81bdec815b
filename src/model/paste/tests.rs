//! Tests of reading a pasted table and writing it into a grid.

use super::*;
use crate::model::{Field, Sign};

fn t(rows: &[&[&str]]) -> Table {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn tab_separated_text_reads_as_excel_writes_it() {
    let text = "一级指标\t二级指标\t指标值\r\n产出指标\t数量指标\t\"培训教师\n188名\"\r\n\t\t\"他说\"\"好\"\"\"\r\n";
    assert_eq!(
        table_from_text(text),
        Some(t(&[
            &["一级指标", "二级指标", "指标值"],
            &["产出指标", "数量指标", "培训教师\n188名"],
            &["", "", "他说\"好\""],
        ]))
    );
    // A quote inside a cell that does not start with one is text.
    assert_eq!(
        table_from_text("5\"屏\t≥2台"),
        Some(t(&[&["5\"屏", "≥2台"]]))
    );
    assert_eq!(table_from_text("培训教师188名\n第二行"), None);
}

#[test]
fn one_cell_is_an_ordinary_paste() {
    assert_eq!(table_from_clipboard("≥95%"), None);
    assert_eq!(table_from_clipboard("≥95%\n"), None);
    assert_eq!(table_from_clipboard("≥95%\t\n"), Some(t(&[&["≥95%", ""]])));
    assert!(table_from_clipboard("数量指标\t≥95%").is_some());
}

#[test]
fn header_cells_name_their_columns_as_templates_print_them() {
    use RowField::*;
    let f = |c: &str| header_column(c);
    assert_eq!(f("一级\n指标"), Some(Some(Level1)));
    assert_eq!(f("二级指标"), Some(Some(Level2)));
    assert_eq!(f("指标内容"), Some(Some(Level3)));
    assert_eq!(f("指标值（包含数字及文字描述）"), Some(Some(Value)));
    assert_eq!(f("计量单位"), Some(Some(Unit)));
    assert_eq!(f("评（扣）分标准"), Some(Some(Scoring)));
    assert_eq!(f("绩\n效\n指\n标"), Some(None));
    assert_eq!(f("备注"), Some(None));
    assert_eq!(f("指标性质"), None);
    assert_eq!(f("≥95%"), None);
}

/// A declaration with one project whose grid is the template (one empty row per 二级) with a
/// filled row in it.
fn project() -> (Declaration, FormRef, Vec<Id>) {
    let mut d = Declaration::new_blank("2023");
    let id = d.add_project();
    let form = FormRef::Project(id);
    let ids = d
        .rows(form, Grid::Annual)
        .expect("project")
        .iter()
        .map(|r| r.id)
        .collect();
    (d, form, ids)
}

fn cells(d: &Declaration, form: FormRef) -> Vec<[String; 4]> {
    d.rows(form, Grid::Annual)
        .expect("grid")
        .iter()
        .map(|r| {
            [
                r.level1.clone(),
                r.level2.clone(),
                r.level3.clone(),
                r.value.clone(),
            ]
        })
        .collect()
}

const SHOWN: [RowField; 4] = [
    RowField::Level1,
    RowField::Level2,
    RowField::Level3,
    RowField::Value,
];

#[test]
fn a_whole_word_table_replaces_the_template_rows() {
    let (mut d, form, ids) = project();
    let template = ids.len();
    assert!(template >= 4, "the template has a row per 二级");
    let table = t(&[
        &[
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "计量单位",
            "备注",
        ],
        &[
            "绩效指标",
            "产出指标",
            "数量指标",
            "培训教师人数",
            "≥188",
            "名",
            "",
        ],
        &[
            "绩效指标",
            "产出指标",
            "数量指标",
            "送教下乡次数",
            "≥4",
            "次",
            "",
        ],
        &[
            "绩效指标",
            "产出指标",
            "质量指标",
            "培训合格率",
            "≥95%",
            "",
            "抽查",
        ],
        &[
            "绩效指标",
            "满意度指标",
            "服务对象满意度指标",
            "参训教师满意度",
            "≥90%",
            "",
            "",
        ],
    ]);
    let pasted = d
        .paste_table(form, Grid::Annual, ids[0], RowField::Level1, &SHOWN, &table)
        .expect("pasted");
    let rows = d.rows(form, Grid::Annual).expect("grid");
    assert_eq!(pasted.rows, 4);
    // Rows 2–4 went into the empty template rows after the first one, none was added, and the
    // template's rows after them went: the table is the grid.
    assert_eq!(pasted.added, 0);
    assert_eq!(rows.len(), 4);
    assert_eq!(pasted.left_out, vec!["备注".to_string()]);
    assert_eq!(
        cells(&d, form)[..4],
        [
            ["产出指标", "数量指标", "培训教师人数", "≥188"].map(String::from),
            ["产出指标", "数量指标", "送教下乡次数", "≥4"].map(String::from),
            ["产出指标", "质量指标", "培训合格率", "≥95%"].map(String::from),
            ["满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%"].map(String::from),
        ]
    );
    assert_eq!(rows[0].unit, "名");
    assert_eq!(rows[1].unit, "次");
    // The ids of the rows written are the template's.
    assert_eq!(rows[1].id, ids[1]);
}

#[test]
fn a_grid_with_something_typed_keeps_its_other_rows() {
    let (mut d, form, ids) = project();
    let last = *ids.last().expect("rows");
    d.set_row_field(form, Grid::Annual, last, RowField::Value, "≥90%");
    let table = t(&[&["产出指标", "数量指标", "培训教师人数", "≥188名"]]);
    d.paste_table(form, Grid::Annual, ids[0], RowField::Level1, &SHOWN, &table)
        .expect("pasted");
    assert_eq!(d.rows(form, Grid::Annual).expect("grid").len(), ids.len());
}

#[test]
fn rows_pasted_before_a_filled_row_are_inserted_and_it_is_left_as_it_was() {
    let (mut d, form, ids) = project();
    let (l1, l2) = {
        let rows = d.rows(form, Grid::Annual).expect("grid");
        (rows[0].level2.clone(), rows[1].level2.clone())
    };
    assert_ne!(l1, l2, "the template's first two rows are of two 二级");
    d.set_row_field(form, Grid::Annual, ids[1], RowField::Level3, "培训合格率");
    d.set_row_field(form, Grid::Annual, ids[1], RowField::Value, "≥95%");
    // Names and values only, into the first row's name: its group's rows.
    let table = t(&[
        &["培训教师人数", "≥188名"],
        &["送教下乡次数", "≥4次"],
        &["培训天数", "≥5天"],
    ]);
    let pasted = d
        .paste_table(form, Grid::Annual, ids[0], RowField::Level3, &SHOWN, &table)
        .expect("pasted");
    assert_eq!((pasted.rows, pasted.added), (3, 2));
    let after = cells(&d, form);
    for row in &after[..3] {
        assert_eq!(row[1], l1, "in the group pasted into: {row:?}");
    }
    assert_eq!(after[1][2], "送教下乡次数");
    assert_eq!(after[3][1..], [l2, "培训合格率".into(), "≥95%".into()]);
    assert_eq!(d.rows(form, Grid::Annual).expect("grid")[3].id, ids[1]);
}

#[test]
fn empty_group_cells_of_merged_cells_copied_as_text_take_the_group_above() {
    let (mut d, form, ids) = project();
    let table = table_from_text(
        "产出指标\t数量指标\t培训教师人数\t≥188名\n\t\t送教下乡次数\t≥4次\n\t质量指标\t培训合格率\t≥95%\n",
    )
    .expect("table");
    d.paste_table(form, Grid::Annual, ids[0], RowField::Level1, &SHOWN, &table)
        .expect("pasted");
    let after = cells(&d, form);
    assert_eq!(after[1][..2], ["产出指标".to_string(), "数量指标".into()]);
    assert_eq!(after[2][..2], ["产出指标".to_string(), "质量指标".into()]);
}

#[test]
fn without_a_header_columns_follow_the_grid_from_the_field_pasted_into() {
    // The overall form's grid shows no 三级: three columns are 一级, 二级, 指标值; the label
    // column the form prints beside the grid is skipped; a fifth column has nowhere to go.
    let mut d = Declaration::new_blank("2023");
    let first = d.overall.indicators[0].id;
    let order = [RowField::Level1, RowField::Level2, RowField::Value];
    let table = t(&[
        &["绩效指标", "基本经费", "数量指标", "在职人员32名", "x"],
        &["绩效指标", "基本经费", "质量指标", "保障机关正常运转", ""],
    ]);
    let pasted = d
        .paste_table(
            FormRef::Overall,
            Grid::Annual,
            first,
            RowField::Level1,
            &order,
            &table,
        )
        .expect("pasted");
    assert_eq!(pasted.left_out, vec!["第5列".to_string()]);
    let rows = &d.overall.indicators;
    assert_eq!(
        (&*rows[0].level1, &*rows[0].level2, &*rows[0].value),
        ("基本经费", "数量指标", "在职人员32名")
    );
    assert_eq!(&*rows[1].value, "保障机关正常运转");
    // Into the value column: the one column is the value.
    let (mut d, form, ids) = project();
    d.paste_table(
        form,
        Grid::Annual,
        ids[0],
        RowField::Value,
        &SHOWN,
        &t(&[&["≥188名"], &["≥4次"]]),
    )
    .expect("pasted");
    let after = cells(&d, form);
    assert_eq!(
        (&*after[0][3], &*after[1][3], &*after[0][2]),
        ("≥188名", "≥4次", "")
    );
}

#[test]
fn repeated_headers_labels_and_empty_rows_are_not_indicators() {
    let (mut d, form, ids) = project();
    let table = t(&[
        &[
            "年度绩效指标",
            "年度绩效指标",
            "年度绩效指标",
            "年度绩效指标",
        ],
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["产出指标", "数量指标", "培训教师人数", "≥188名"],
        &["", "", "", ""],
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["产出指标", "数量指标", "送教下乡次数", "≥4次"],
    ]);
    let pasted = d
        .paste_table(form, Grid::Annual, ids[0], RowField::Level1, &SHOWN, &table)
        .expect("pasted");
    assert_eq!(pasted.rows, 2);
    assert_eq!(cells(&d, form)[1][2], "送教下乡次数");
}

#[test]
fn a_whole_form_copied_pastes_the_rows_under_its_grid_header() {
    let (mut d, form, ids) = project();
    let table = t(&[
        &[
            "项目名称",
            "代表活动经费",
            "代表活动经费",
            "代表活动经费",
            "代表活动经费",
        ],
        &[
            "项目资金（万元）",
            "年度资金总额",
            "20.00",
            "20.00",
            "20.00",
        ],
        &[
            "年度目标",
            "保障代表活动",
            "保障代表活动",
            "保障代表活动",
            "保障代表活动",
        ],
        &["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        &["绩效指标", "产出指标", "数量指标", "代表活动次数", "≥4次"],
    ]);
    let pasted = d
        .paste_table(form, Grid::Annual, ids[0], RowField::Level1, &SHOWN, &table)
        .expect("pasted");
    assert_eq!(pasted.rows, 1);
    assert_eq!(
        cells(&d, form)[0],
        ["产出指标", "数量指标", "代表活动次数", "≥4次"].map(String::from)
    );
    // …and the fields above the grid take their values.
    assert_eq!(
        pasted.fields,
        [Field::Name, Field::Total, Field::AnnualTarget]
    );
    let FormRef::Project(id) = form else {
        unreachable!()
    };
    let p = d.project(id).expect("project");
    assert_eq!(p.name, "代表活动经费");
    assert_eq!(p.total.to_text(), "20.00");
}

/// The seed's project form as Word copies it, cells merged over rows and columns filled in.
fn seed_project_form() -> Table {
    t(&[
        &[
            "项目名称 ",
            "仁和区区级人大代表活动经费",
            "仁和区区级人大代表活动经费",
            "仁和区区级人大代表活动经费",
        ],
        &[
            "预算单位",
            "攀枝花市仁和区人大常委会办公室",
            "攀枝花市仁和区人大常委会办公室",
            "攀枝花市仁和区人大常委会办公室",
        ],
        &["项目资金(万元)", "年度资金总额： ", "20.00", "20.00"],
        &["项目资金(万元)", "其中：财政拨款 ", "20.00", "20.00"],
        &["项目资金(万元)", "其他资金 ", "", ""],
        &["总体目标 ", "年度目标", "年度目标", "年度目标"],
        &[
            "总体目标 ",
            "保障区级人大代表开展活动。",
            "保障区级人大代表开展活动。",
            "保障区级人大代表开展活动。",
        ],
        &["绩效指标 ", "一级指标", "二级指标", "指标值"],
        &["绩效指标 ", "产出指标", "数量指标", "全区人大代表188名"],
        &["绩效指标 ", "满意度指标", "满意度指标", "代表满意度≥95%"],
    ])
}

#[test]
fn a_whole_form_pasted_into_a_field_fills_the_form() {
    let (mut d, form, _) = project();
    let table = seed_project_form();
    assert!(holds_a_form(&table));
    let pasted = d.paste_form(form, &table).expect("pasted");
    assert_eq!(
        pasted.fields,
        [
            Field::Name,
            Field::UnitName,
            Field::Total,
            Field::Appropriation,
            Field::AnnualTarget
        ]
    );
    assert_eq!(pasted.rows, 2);
    let FormRef::Project(id) = form else {
        unreachable!()
    };
    let p = d.project(id).expect("project");
    assert_eq!(p.name, "仁和区区级人大代表活动经费");
    assert_eq!(p.unit_name, "攀枝花市仁和区人大常委会办公室");
    assert_eq!(
        (p.total.to_text(), p.appropriation.to_text()),
        ("20.00".into(), "20.00".into())
    );
    // Under its label, the target's text.
    assert_eq!(p.annual_target, "保障区级人大代表开展活动。");
    assert!(
        p.other_funds.is_blank(),
        "an empty value leaves the field as it was"
    );
    assert_eq!(p.indicators[1].value, "代表满意度≥95%");
}

#[test]
fn the_overall_form_reads_its_labels_and_not_its_grid_as_fields() {
    let mut d = Declaration::new_blank("2022");
    let table = t(&[
        &["预算名称：", "攀枝花市仁和区人大常委会办公室"],
        &[" 年度财政拨款资金总额:万元", "921.83"],
        &["       其中：人员经费:万元", "712.32"],
        &["一级指标", "指标值"],
        &["项目经费", "2022年申报6个项目"],
    ]);
    let pasted = d.paste_form(FormRef::Overall, &table).expect("pasted");
    assert_eq!(
        pasted.fields,
        [Field::UnitName, Field::Total, Field::Personnel]
    );
    assert_eq!(d.overall.total.to_text(), "921.83");
    // 项目经费 under the grid's header is a 一级 name, not the field.
    assert!(d.overall.project_funds.is_blank());
    assert_eq!(d.overall.indicators[0].level1, "项目经费");
}

#[test]
fn cells_of_text_pasted_into_a_field_are_the_field_s() {
    assert!(!holds_a_form(&t(&[&["保障代表活动", "开展培训"]])));
    assert!(holds_a_form(&t(&[&["项目名称", "代表活动经费"]])));
    let (mut d, form, _) = project();
    assert_eq!(
        d.paste_form(form, &t(&[&["保障代表活动", "开展培训"]])),
        None
    );
}

#[test]
fn structured_columns_and_signs_as_other_systems_write_them() {
    let (mut d, form, ids) = project();
    let table = t(&[
        &["三级指标", "符号", "数值", "计量单位", "指标方向"],
        &["培训教师人数", ">=", "188", "名", "正向"],
    ]);
    d.paste_table(form, Grid::Annual, ids[0], RowField::Level1, &SHOWN, &table)
        .expect("pasted");
    let row = &d.rows(form, Grid::Annual).expect("grid")[0];
    assert_eq!(row.sign, Some(Sign::AtLeast));
    // A choice the model does not name is not kept, and the paste says so.
    let (mut d2, form2, ids2) = project();
    let odd = t(&[
        &["三级指标", "指标方向"],
        &["培训教师人数", "增加"],
        &["送教下乡次数", "增加"],
    ]);
    let pasted = d2
        .paste_table(form2, Grid::Annual, ids2[0], RowField::Level1, &SHOWN, &odd)
        .expect("pasted");
    assert_eq!(pasted.unread, vec!["增加".to_string()]);
    assert_eq!(row.number.to_text(), "188");
    assert_eq!(row.unit, "名");
    assert_eq!(row.direction, Some(crate::model::Direction::Positive));
}

#[test]
fn a_row_that_is_not_there_or_a_table_of_no_indicator_pastes_nothing() {
    let (mut d, form, ids) = project();
    let before = d.clone();
    let table = t(&[&["培训教师人数", "≥188名"]]);
    assert_eq!(
        d.paste_table(
            form,
            Grid::Annual,
            Id(9999),
            RowField::Level3,
            &SHOWN,
            &table
        ),
        None
    );
    let only_header = t(&[&["一级指标", "二级指标", "三级指标", "指标值"]]);
    assert_eq!(
        d.paste_table(
            form,
            Grid::Annual,
            ids[0],
            RowField::Level1,
            &SHOWN,
            &only_header
        ),
        None
    );
    assert_eq!(d, before);
}

proptest::proptest! {
    /// Whatever text the clipboard holds, it is read without a panic, and a table read from it
    /// pastes into any field of a grid without one.
    #[test]
    fn any_clipboard_reads_and_pastes_without_a_panic(
        text in "([\t\n\r\"]|一级指标|二级|指标值|[a-z0-9≥%]){0,60}",
        field in 0usize..4,
    ) {
        let (mut d, form, ids) = project();
        if let Some(table) = table_from_clipboard(&text) {
            let _ = d.paste_table(form, Grid::Annual, ids[ids.len() - 1], SHOWN[field], &SHOWN, &table);
        }
    }
}

#[test]
fn a_ragged_table_given_by_hand_pastes_without_a_panic() {
    let (mut d, form, ids) = project();
    let ragged = t(&[
        &["项目名称"],
        &[],
        &["一级指标", "二级指标", "三级指标", "指标值", "备注"],
        &["产出指标", "数量指标"],
        &["", "", "培训天数", "≥5天"],
    ]);
    let pasted = d
        .paste_table(
            form,
            Grid::Annual,
            ids[0],
            RowField::Level1,
            &SHOWN,
            &ragged,
        )
        .expect("pasted");
    assert_eq!(pasted.rows, 2);
    assert_eq!(
        cells(&d, form)[1],
        ["产出指标", "数量指标", "培训天数", "≥5天"].map(String::from)
    );
    assert!(d.paste_form(form, &ragged).is_some());
}
