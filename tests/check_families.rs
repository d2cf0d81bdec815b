//! Passing and failing cases of each rule family beyond the registry samples: the edge a real form hits.

use jixiao::check::fixtures::good;
use jixiao::check::{check, Fix, Kind, Severity};
use jixiao::model::framework::Framework;
use jixiao::model::{
    Cell, Declaration, Field, FormRef, Grid, Id, IndicatorRow, Path, Profile, RowField, Sign,
};
use rust_decimal::Decimal;

fn ids(d: &Declaration) -> Vec<(&'static str, Severity)> {
    check(d, &Profile::default())
        .findings
        .into_iter()
        .map(|f| (f.rule, f.severity))
        .collect()
}

fn fires(d: &Declaration, rule: &str) -> bool {
    ids(d).iter().any(|(id, _)| *id == rule)
}

fn severity(d: &Declaration, rule: &str) -> Option<Severity> {
    ids(d)
        .into_iter()
        .filter(|(id, _)| *id == rule)
        .map(|(_, s)| s)
        .min()
}

/// Moves a row's target into the sign, number and unit columns of a structured template.
fn in_columns(r: &mut IndicatorRow, sign: Sign, number: &str, unit: &str) {
    (r.value, r.sign, r.number, r.unit) = (
        String::new(),
        Some(sign),
        Cell::from_input(number),
        unit.into(),
    );
}

/// The one finding of a rule.
fn only_finding(d: &Declaration, rule: &str) -> jixiao::check::Finding {
    let report = check(d, &d.profile);
    let found: Vec<_> = report.findings.iter().filter(|f| f.rule == rule).collect();
    assert_eq!(found.len(), 1, "{rule}: {:?}", ids(d));
    found[0].as_ref().clone()
}

fn row(l1: &str, l2: &str, l3: &str, v: &str) -> IndicatorRow {
    IndicatorRow {
        level1: l1.into(),
        level2: l2.into(),
        level3: l3.into(),
        value: v.into(),
        ..Default::default()
    }
}

#[test]
fn y_a_period_running_into_next_year_is_a_warning_not_an_error() {
    let mut d = good();
    d.project_at_mut(0).indicators[2].value = "2023年9月至2024年7月".into();
    assert_eq!(severity(&d, "Y2"), Some(Severity::Warning));
    d.project_at_mut(0).indicators[2].value = "2023年全年".into();
    assert!(!fires(&d, "Y2"));
    d.project_at_mut(0).indicators[2].value = "二〇二二年全年".into();
    assert_eq!(severity(&d, "Y2"), Some(Severity::Error));
}

#[test]
fn y_a_past_year_beside_the_budget_year_is_what_is_done_and_a_later_one_a_late_deadline() {
    let mut d = good();
    d.project_at_mut(0).indicators[2].value = "2022年12月底前".into();
    assert_eq!(
        severity(&d, "Y2"),
        Some(Severity::Error),
        "last year's date"
    );
    d.project_at_mut(0).indicators[2].value = "2023年12月31日前完成2022年度资金清算".into();
    assert!(!fires(&d, "Y2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[2].value = "2024年3月底前".into();
    assert_eq!(severity(&d, "Y2"), Some(Severity::Warning), "past the year");
    let report = check(&d, &Profile::default());
    let y2 = report.findings.iter().find(|f| f.rule == "Y2").unwrap();
    assert!(
        y2.fix.is_none(),
        "a year earlier is no clear fix for a deadline"
    );
}

#[test]
fn y_narrative_text_may_mention_past_years() {
    let mut d = good();
    d.project_at_mut(0).annual_target =
        "延续2020年以来的资助政策，2023年资助家庭经济困难学生1200名，资金240万元。".into();
    assert!(!fires(&d, "Y2"));
}

#[test]
fn y_a_cross_year_period_must_contain_the_budget_year() {
    let mut d = good();
    d.project_at_mut(0).period = "2024年1月至2025年12月".into();
    assert!(fires(&d, "Y2"));
    d.project_at_mut(0).period = "2022年1月至2024年12月".into();
    d.project_at_mut(0).long_term_target = "三年资助学生3600名".into();
    assert!(!fires(&d, "Y2"));
    assert!(!fires(&d, "Y3"));
}

#[test]
fn y_long_term_deadlines_lie_within_the_project_period() {
    let mut d = good();
    let p = d.project_at_mut(0);
    p.period = "2023年1月至2025年12月".into();
    p.long_term_target = "三年资助学生3600名".into();
    p.long_term_indicators = vec![row(
        "产出指标",
        "时效指标",
        "项目完成时间",
        "2025年12月底前",
    )];
    assert!(!fires(&d, "Y2"), "{:?}", ids(&d));
    // What is done by the deadline may name an earlier year.
    d.project_at_mut(0).long_term_indicators[0].value =
        "2025年底前完成2021年以来的资助档案整理".into();
    assert!(!fires(&d, "Y2"), "{:?}", ids(&d));
    for past_it in ["2026年6月底前", "2022年12月底前"] {
        d.project_at_mut(0).long_term_indicators[0].value = past_it.into();
        let y2 = only_finding(&d, "Y2");
        assert_eq!(y2.severity, Severity::Warning, "{past_it}");
        assert!(matches!(
            y2.path,
            Path::Cell(_, Grid::LongTerm, _, RowField::Value)
        ));
    }
}

#[test]
fn h_whitespace_and_full_width_spaces_do_not_make_names_differ() {
    let mut d = good();
    d.project_at_mut(0).unit_name = "某县\u{3000}教育局 ".into();
    assert!(!fires(&d, "H1"));
    // 本级 names the unit's own budget: the same unit.
    d.project_at_mut(0).unit_name = "某县教育局（本级）".into();
    assert!(!fires(&d, "H1"), "{:?}", ids(&d));
    d.project_at_mut(0).unit_name = "某县教育局第一中学".into();
    assert!(fires(&d, "H1"));
    d.project_at_mut(0).unit_name = "某县教育局".into();
    d.project_at_mut(1).name = " 家庭经济困难学生资助\u{3000}".into();
    assert!(fires(&d, "H2"));
}

#[test]
fn h_a_repeated_project_name_points_to_its_first_form() {
    let mut d = good();
    let mut third = d.projects[0].as_ref().clone();
    third.id = Id(900);
    third.name = "家庭经济 困难学生资助".into();
    let mut fourth = third.clone();
    fourth.id = Id(901);
    let mut unnamed = third.clone();
    (unnamed.id, unnamed.name) = (Id(902), " ".into());
    let mut also_unnamed = unnamed.clone();
    also_unnamed.id = Id(903);
    d.projects
        .extend([third, fourth, unnamed, also_unnamed].map(std::rc::Rc::new));
    let report = check(&d, &d.profile);
    let h2: Vec<_> = report.findings.iter().filter(|f| f.rule == "H2").collect();
    assert_eq!(
        h2.iter().map(|f| (f.path, f.message())).collect::<Vec<_>>(),
        [900, 901].map(|id| (
            Path::Field(FormRef::Project(Id(id)), Field::Name),
            "项目名称“家庭经济 困难学生资助”与项目表 1 重复，每个项目的名称应唯一".to_string()
        ))
    );
}

#[test]
fn h_a_cell_of_whitespace_is_empty() {
    let mut d = good();
    d.project_at_mut(0).name = "\u{3000} ".into();
    assert!(fires(&d, "H4"));
    d = good();
    d.project_at_mut(0).other_funds = Cell::from_input("\u{3000}");
    assert!(!fires(&d, "H4"), "其他资金 may be blank");
}

#[test]
fn h_caps_are_configurable_and_zero_turns_them_off() {
    let mut d = good();
    d.project_at_mut(0).indicators[0].value = format!("≥1200名{}", "，".repeat(200));
    assert!(fires(&d, "H3"));
    let off = Profile {
        indicator_cell_cap: 0,
        ..Profile::default()
    };
    assert!(!check(&d, &off).findings.iter().any(|f| f.rule == "H3"));
}

#[test]
fn m_amounts_with_units_and_decimals() {
    let mut d = good();
    d.project_at_mut(1).other_funds = Cell::from_input("100000元");
    assert_eq!(
        severity(&d, "M1"),
        Some(Severity::Error),
        "a conflicting unit is an error"
    );
    d.project_at_mut(1).other_funds = Cell::from_input("10.000");
    assert_eq!(
        severity(&d, "M1"),
        Some(Severity::Warning),
        "three decimals are a warning"
    );
    d.project_at_mut(1).other_funds = Cell::from_input("约十万");
    assert_eq!(severity(&d, "M1"), Some(Severity::Error));
}

#[test]
fn m_无_where_a_project_has_no_such_money_is_read_as_nothing() {
    let mut d = good();
    for mark in ["无", " / ", "—"] {
        d.project_at_mut(0).other_funds = Cell::from_input(mark);
        let m1 = only_finding(&d, "M1");
        assert_eq!(m1.severity, Severity::Info, "{mark}");
        assert!(
            matches!(&m1.fix, Some(Fix::Set { text, .. }) if text == "0.00"),
            "{mark}"
        );
        assert!(!fires(&d, "M3"), "{mark}: {:?}", ids(&d));
    }
    // A total or an appropriation of 无 is no amount a project can have.
    d.project_at_mut(0).appropriation = Cell::from_input("无");
    assert!(check(&d, &d.profile)
        .findings
        .iter()
        .any(|f| f.rule == "M1" && f.severity == Severity::Error));
}

#[test]
fn m_sums_read_amounts_written_with_their_unit() {
    let mut d = good();
    d.project_at_mut(1).other_funds = Cell::from_input("10万元");
    assert!(
        !fires(&d, "M3"),
        "10万元 is read as 10.00 for the sum (M1 warns separately)"
    );
    d.project_at_mut(1).carryover = Cell::from_input("5.00");
    assert!(fires(&d, "M3"), "上年结转 counts towards the total");
}

#[test]
fn m_sums_compare_in_hundredths() {
    let mut d = good();
    d.overall.total = Cell::from_input("1500.004");
    assert!(!fires(&d, "M4"));
    d.overall.total = Cell::from_input("1500.006");
    assert!(fires(&d, "M4"));
}

#[test]
fn y2_a_date_written_with_dots_is_a_date() {
    // Project 1's 时效 row ("培训完成时间"); the budget year is 2023.
    let mut d = good();
    let at = (d.project_at_mut(1).indicators.iter())
        .position(|r| r.level2 == "时效指标")
        .unwrap();
    d.project_at_mut(1).indicators[at].value = "2023.11.30前".into();
    assert!(!fires(&d, "Y2"), "{:?}", ids(&d));
    d.project_at_mut(1).indicators[at].value = "2022.11.30前".into();
    let y2 = only_finding(&d, "Y2");
    assert_eq!(y2.severity, Severity::Error);
    assert!(y2.fix.unwrap().apply(&mut d));
    assert_eq!(d.project_at_mut(1).indicators[at].value, "2023.11.30前");
}

#[test]
fn y4_a_target_opening_with_last_year_may_be_last_years() {
    // The budget year is 2023.
    let mut d = good();
    d.project_at_mut(1).annual_target = "2022年组织全县教师培训300人次，举办培训班10期。".into();
    let y4 = only_finding(&d, "Y4");
    assert_eq!(y4.severity, Severity::Info);
    assert!(y4.message().contains("只写了 2022 年"), "{}", y4.message());
    // The budget year named, or an earlier one only as background: no finding.
    for target in [
        "在2022年工作的基础上，2023年组织全县教师培训300人次，举办培训班10期。",
        "组织全县教师培训300人次（全市自2021年起实施），举办培训班10期。",
        "2023年组织全县教师培训300人次，举办培训班10期。",
    ] {
        d.project_at_mut(1).annual_target = target.into();
        assert!(!fires(&d, "Y4"), "{target}: {:?}", ids(&d));
    }
}

#[test]
fn m7_basic_and_project_spending_as_budgets_name_them() {
    // 人员经费 900 + 公用经费 200, 项目经费 400.
    let mut d = good();
    d.overall.tasks = "全年财政拨款1500万元，其中基本支出1100万元、项目支出400万元。".into();
    assert!(!fires(&d, "M7"), "{:?}", ids(&d));
    d.overall.tasks = "全年财政拨款1500万元，其中基本支出1000万元、项目支出500万元。".into();
    let found: Vec<_> = check(&d, &d.profile)
        .findings
        .into_iter()
        .filter(|f| f.rule == "M7")
        .map(|f| f.message())
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    // Named by the header they are in: the clerk sees 人员经费 and 公用经费, not a 基本支出.
    assert!(
        found[0].contains("基本支出 1000 万元与表头填报的人员经费与公用经费合计 1100.00 万元"),
        "{found:?}"
    );
    assert!(
        found[1].contains("项目支出 500 万元与表头填报的项目经费 400.00 万元"),
        "{found:?}"
    );
}

#[test]
fn m_project_count_in_chinese_numerals() {
    let mut d = good();
    d.overall.indicators[4].value = "2023年申报三个项目".into();
    assert!(fires(&d, "M6"));
    d.overall.indicators[4].value = "2023年申报两个项目".into();
    assert!(!fires(&d, "M6"));
}

#[test]
fn m_a_count_of_projects_is_of_项目_not_of_a_word_made_of_it() {
    let mut d = good();
    d.overall.indicators[4].value = "2023年实施2个项目，新建1个项目库".into();
    assert!(!fires(&d, "M6"), "{:?}", ids(&d));
    d.overall.indicators[4].value = "2023年实施3个项目的绩效目标".into();
    assert!(fires(&d, "M6"), "3 projects stated, 2 forms");
}

#[test]
fn m_cost_money_explains_most_of_the_total() {
    let mut d = good();
    d.project_at_mut(0).indicators[3].value = "每人每年2000元，合计100万元".into();
    assert_eq!(severity(&d, "M8"), Some(Severity::Warning));
    d.project_at_mut(0).indicators[3].value = "每人每年2000元".into();
    assert!(
        !fires(&d, "M8"),
        "a unit cost states money; alone it adds nothing up: {:?}",
        ids(&d)
    );
    // The name can make the amount a unit cost: 2000元 is not 0.2 of the 240 万元 explained.
    d.project_at_mut(0).indicators[3].level3 = "人均资助标准".into();
    d.project_at_mut(0).indicators[3].value = "2000元".into();
    assert!(!fires(&d, "M8"), "{:?}", ids(&d));
    for total in ["资助资金", "标准化建设经费", "均衡发展经费"] {
        d.project_at_mut(0).indicators[3].level3 = total.into();
        assert_eq!(
            severity(&d, "M8"),
            Some(Severity::Warning),
            "{total}: 0.2 of 240 万元"
        );
    }
    // 单 before a measure word makes the amount a cost per unit too, and a measure word before
    // 均 (人均, 场均, 次均), while 均 after another char (均衡) does not.
    for per_unit in ["单台（套）补贴额", "招聘会场均成本", "次均检测费用"] {
        d.project_at_mut(0).indicators[3].level3 = per_unit.into();
        d.project_at_mut(0).indicators[3].value = "不超过2万元".into();
        assert!(!fires(&d, "M8"), "{per_unit}: {:?}", ids(&d));
    }
    d.project_at_mut(0).indicators[3].level3 = "均衡发展经费".into();
    d.project_at_mut(0).indicators[3].value = "按标准据实发放".into();
    assert!(fires(&d, "M8"), "no money at all");
    // The money may stand in the number and unit columns of a structured row.
    let r = &mut d.project_at_mut(0).indicators[3];
    r.value = String::new();
    r.sign = Some(jixiao::model::Sign::AtMost);
    r.number = Cell::from_input("2000");
    r.unit = "元/人·年".into();
    assert!(!fires(&d, "M8"), "a unit cost: {:?}", ids(&d));
    d.project_at_mut(0).indicators[3].number = Cell::from_input("100");
    d.project_at_mut(0).indicators[3].unit = "万元".into();
    assert_eq!(
        severity(&d, "M8"),
        Some(Severity::Warning),
        "100 of 240 万元"
    );
}

#[test]
fn m_a_unit_cost_beside_amounts_explains_money_of_its_own() {
    let mut d = good();
    d.project_at_mut(0).indicators[3] = row("产出指标", "成本指标", "管理费", "≤40万元");
    assert_eq!(
        severity(&d, "M8"),
        Some(Severity::Warning),
        "40 of 240 万元"
    );
    // Beside it a unit cost, in the value or in the columns of a structured row: what it explains
    // is not known, so the share is not either.
    let mut with_price = d.clone();
    (with_price.project_at_mut(0).indicators).push(row(
        "产出指标",
        "成本指标",
        "人均资助标准",
        "2000元/人",
    ));
    assert!(!fires(&with_price, "M8"), "{:?}", ids(&with_price));
    let mut price = row("产出指标", "成本指标", "日常养护单位成本", "");
    in_columns(&mut price, Sign::AtMost, "0.35", "万元/公里");
    d.project_at_mut(0).indicators.push(price);
    assert!(!fires(&d, "M8"), "{:?}", ids(&d));
    // The amounts stated still may not exceed the total.
    d.project_at_mut(0).indicators[3].value = "≤300万元".into();
    assert_eq!(severity(&d, "M8"), Some(Severity::Error));
}

/// The correct set with its first project's cost row under the 2021 framework's 成本指标.
fn with_a_2021_cost_row() -> Declaration {
    let mut d = good();
    d.project_at_mut(0).indicators[3] = row(
        "成本指标",
        "经济成本指标",
        "资助标准",
        "每人每年2000元，合计240万元",
    );
    d
}

#[test]
fn m_social_and_ecological_costs_may_be_written_in_words() {
    let mut d = with_a_2021_cost_row();
    let p = d.project_at_mut(0);
    p.indicators.push(row(
        "成本指标",
        "社会成本指标",
        "对学生正常学习的影响",
        "不影响正常教学秩序",
    ));
    p.indicators.push(row(
        "成本指标",
        "生态环境成本指标",
        "施工工地围挡率",
        "=100%",
    ));
    let found = ids(&d);
    assert!(
        !found
            .iter()
            .any(|(id, s)| *s != Severity::Info && matches!(*id, "V1" | "C8" | "M8")),
        "{found:?}"
    );
    // An economic cost is money, and must say so.
    d.project_at_mut(0).indicators[3].value = "按实际发生".into();
    assert!(fires(&d, "V1") && fires(&d, "M8"), "{:?}", ids(&d));
}

#[test]
fn m_the_parts_of_a_cost_are_not_added_to_it() {
    let mut d = good();
    d.project_at_mut(0).indicators[3].level3 = "资助成本".into();
    for whole in [
        "≤240万元（其中中央资金100万元，省级资金140万元）",
        "≤240万元，其中中央资金100万元",
        "≤240万元（中央100万元+省级140万元）",
        "中央资金100万元，省级资金140万元",
    ] {
        d.project_at_mut(0).indicators[3].value = whole.into();
        assert!(!fires(&d, "M8"), "{whole}: {:?}", ids(&d));
    }
    d.project_at_mut(0).indicators[3].value = "≤240万元（中央100万元+省级240万元）".into();
    assert_eq!(severity(&d, "M8"), Some(Severity::Error));
    d.project_at_mut(0).indicators[3].value = "中央资金100万元，省级资金40万元".into();
    assert_eq!(severity(&d, "M8"), Some(Severity::Warning));
}

#[test]
fn m_price_times_quantity_within_one_cell() {
    let mut d = good();
    d.project_at_mut(1).indicators[4].value = "全县共10个培训点，每个16万元，合计160万元".into();
    assert!(!fires(&d, "M9"));
    d.project_at_mut(1).indicators[4].value = "全县共10个培训点，每个6000元，合计160万元".into();
    assert!(fires(&d, "M9"));
}

#[test]
fn m_a_product_written_out_is_worked_out() {
    let mut d = good();
    // In the target text (no cell of the grid states a price) and in a value.
    d.project_at_mut(1).annual_target = "2023年举办培训班10期，单价16万元×10期=160万元。".into();
    assert!(!fires(&d, "M9"), "{:?}", ids(&d));
    d.project_at_mut(1).annual_target = "2023年举办培训班10期，单价16万元×10期=150万元。".into();
    let f = only_finding(&d, "M9");
    assert_eq!(
        f.path,
        Path::Field(FormRef::Project(d.projects[1].id), Field::AnnualTarget)
    );
    assert!(f
        .message()
        .contains("单价 16 万元 × 10期 = 160 万元，与写明的合计 150 万元不一致"));
    d = good();
    for (value, wrong) in [
        ("每期16万元×10期，合计160万元", false),
        ("160万元（每期16万元×10期）", false),
        ("每期1.5万元×10期=16万元", true),
        ("16万元（每期1.5万元×10期）", true),
    ] {
        d.project_at_mut(1).indicators[4].value = value.into();
        assert_eq!(fires(&d, "M9"), wrong, "{value}: {:?}", ids(&d));
    }
}

#[test]
fn m_a_price_in_the_target_is_worked_out_when_plain() {
    let target = |d: &mut Declaration, text: &str| d.project_at_mut(1).annual_target = text.into();
    let mut d = good();
    target(
        &mut d,
        "2023年完成档案数字化40万页，单价每页1.5元，合计50万元。",
    );
    assert!(
        only_finding(&d, "M9")
            .message()
            .contains("单价 1.5 元 × 40万页 = 60 万元，与写明的合计 50 万元不一致"),
        "{:?}",
        ids(&d)
    );
    for plain in [
        "2023年完成档案数字化40万页，单价每页1.5元，合计60万元。",
        // Two prices and one total, two counts of the unit: not plain enough.
        "2023年新建站点5个，培训200人次，每个站8万元，每人次1000元，合计60万元。",
        "2023年新建站点5个，覆盖3个乡镇，每个站8万元，合计50万元。",
        // Per a person and a month: 10 people for 6 months, not 10 × 5000 元.
        "2023年选派10名医师驻点帮扶6个月，每人每月补助5000元，合计30万元。",
        "2023年选派10名医师驻点帮扶6个月，补助5000元/人·月，合计30万元。",
    ] {
        target(&mut d, plain);
        assert!(!fires(&d, "M9"), "{plain}: {:?}", ids(&d));
    }
}

#[test]
fn m_a_price_per_a_month_as_well_is_not_multiplied_by_one_count() {
    // In a cell as in a target: 10 doctors for 6 months, not 10 × 5000 元.
    let mut d = good();
    d.project_at_mut(1).indicators[4].value =
        "选派10名医师驻点6个月，每人每月补助5000元，合计30万元".into();
    assert!(!fires(&d, "M9"), "{:?}", ids(&d));
    d.project_at_mut(1).indicators[4].value = "选派10名医师，每人补助5000元，合计30万元".into();
    assert!(fires(&d, "M9"), "{:?}", ids(&d));
}

#[test]
fn m_a_count_in_万_is_multiplied_in_ones() {
    let mut d = good();
    d.project_at_mut(1).indicators[4].value = "资助0.15万人，每人1200元，合计180万元".into();
    assert!(
        !fires(&d, "M9"),
        "1500 × 0.12 万元 = 180 万元: {:?}",
        ids(&d)
    );
    d.project_at_mut(1).indicators[4].value = "资助0.15万人，每人1000元，合计180万元".into();
    assert!(
        only_finding(&d, "M9").message().contains("× 1500人 = 150"),
        "{}",
        only_finding(&d, "M9").message()
    );
}

#[test]
fn m_items_that_add_up_pass() {
    let mut d = good();
    d.project_at_mut(1).indicators[4].value =
        "1、场地费60万元。2、师资费100万元。合计160万元".into();
    assert!(!fires(&d, "M10"));
}

#[test]
fn c_the_2021_framework_is_accepted_and_mixing_is_not() {
    let mut d = with_a_2021_cost_row();
    assert!(!fires(&d, "C1"), "{:?}", ids(&d));
    d.project_at_mut(0)
        .indicators
        .push(row("产出指标", "成本指标", "管理成本", "合计1万元"));
    assert!(fires(&d, "C1"));
    let mut d = good();
    d.profile.framework = Some(Framework::Cost2021);
    assert!(
        check(&d, &d.profile)
            .findings
            .iter()
            .any(|f| f.rule == "C1"),
        "the profile asks for the 2021 framework"
    );
}

#[test]
fn c_money_under_a_quantity_is_flagged_but_a_count_of_ten_thousands_is_not() {
    let mut d = good();
    d.project_at_mut(0).indicators[0].value = "≥20万".into();
    assert!(fires(&d, "C8"), "{:?}", ids(&d));
    for count in ["≥10万页", "≥2万剂次", "1.2万余人"] {
        d.project_at_mut(0).indicators[0].value = count.into();
        assert!(!fires(&d, "C8"), "{count}: {:?}", ids(&d));
    }
}

#[test]
fn c8_a_percentage_as_a_cost_is_said_once_not_also_as_a_missing_sign_or_money() {
    let mut d = good();
    // Project 0's 成本 row ("资助成本").
    d.project_at_mut(0).indicators[3].value = "按最低工资标准的60%发放".into();
    let found = ids(&d);
    assert!(found.contains(&("C8", Severity::Warning)), "{found:?}");
    assert!(!fires(&d, "V2"), "{found:?}");
    assert!(!fires(&d, "M8"), "the only cost row: C8 said it: {found:?}");
    // A second cost row without money has M8's finding.
    let second = row("产出指标", "成本指标", "发放成本", "按标准据实发放");
    d.project_at_mut(0).indicators.push(second);
    d.ensure_ids();
    let id = d.projects[0].indicators.last().unwrap().id;
    let m8 = only_finding(&d, "M8");
    assert!(
        matches!(m8.path, Path::Cell(_, _, row, RowField::Value) if row == id),
        "{:?}",
        m8.path
    );
    // The same in the columns of a structured row: 60 beside %.
    let mut d = good();
    let cost = &mut d.project_at_mut(0).indicators[3];
    cost.value.clear();
    in_columns(cost, Sign::AtMost, "60", "%");
    assert_eq!(severity(&d, "C8"), Some(Severity::Warning), "{:?}", ids(&d));
    assert!(!fires(&d, "M8"), "{:?}", ids(&d));
}

#[test]
fn c_rows_of_无_say_a_category_does_not_apply() {
    let mut d = good();
    let p = d.project_at_mut(0);
    for (l2, l3, v) in [
        ("生态效益指标", "无", "无"),
        ("经济效益指标", "无", "/"),
        ("可持续影响指标", "", "无"),
        ("社会效益指标", "不涉及", ""),
    ] {
        p.indicators.insert(5, row("效益指标", l2, l3, v));
    }
    let found = ids(&d);
    assert!(found.iter().all(|(_, s)| *s == Severity::Info), "{found:?}");
    // A real name with the value 无 is a target, read as one.
    let sustained = &mut d.project_at_mut(0).indicators[6];
    assert_eq!(sustained.value, "无");
    sustained.level3 = "安全责任事故".into();
    assert!(!fires(&d, "C4"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[6].level3 = "资助学生人数".into();
    assert!(fires(&d, "C6"), "{:?}", ids(&d));
}

#[test]
fn c_a_name_that_measures_satisfaction_belongs_under_satisfaction() {
    let mut d = good();
    for name in [
        "受助学生满意度",
        "受助学生满意度（%）",
        "受助学生（家长）满意率",
        "群众满意",
    ] {
        d.project_at_mut(0).indicators[1].level3 = name.into();
        assert!(fires(&d, "C7"), "{name}: {:?}", ids(&d));
    }
    // Names that mention satisfaction and measure something else.
    for name in ["满意度调查覆盖面", "满意度测评机制"] {
        d.project_at_mut(0).indicators[1].level3 = name.into();
        assert!(!fires(&d, "C7"), "{name}: {:?}", ids(&d));
    }
}

#[test]
fn c_aliases_of_the_seed_template_are_known() {
    let mut d = good();
    for r in &mut d.project_at_mut(0).indicators {
        r.level1 = match r.level1.as_str() {
            "产出指标" => "项目完成".into(),
            "效益指标" => "项目效益".into(),
            other => other.into(),
        };
    }
    d.project_at_mut(0).indicators[4].level2 = "环境效益指标".into();
    assert!(!fires(&d, "C1"));
}

#[test]
fn c_category_names_as_templates_print_them_are_known() {
    // Templates print notes beside the 一级 and name the satisfaction 二级 their own way; a
    // clerk who keeps the printed names has the categories right.
    let mut d = good();
    for r in &mut d.project_at_mut(0).indicators {
        // The 二级 names of the performance-evaluation framework (财预〔2020〕10号).
        if let Some(kind) = r
            .level2
            .strip_suffix("指标")
            .filter(|k| ["数量", "质量", "时效", "成本"].contains(k) && r.level1 == "产出指标")
        {
            r.level2 = format!("产出{kind}");
        }
        r.level1 = match r.level1.as_str() {
            "产出指标" => "产出(工作量)指标（数量、质量、时效、成本方面的指标）".into(),
            "效益指标" => {
                "二、效益指标（经济效益、社会效益、生态效益、可持续影响等方面的指标）".into()
            }
            other => other.into(),
        };
        if r.level2 == "服务对象满意度指标" {
            r.level2 = "社会公众或服务对象满意度指标".into();
        }
        // The 二级 names of the performance-evaluation framework (财预〔2020〕10号).
        if let Some(kind) = r
            .level2
            .strip_suffix("指标")
            .filter(|k| ["数量", "质量", "时效", "成本"].contains(k) && r.level1 == "产出指标")
        {
            r.level2 = format!("产出{kind}");
        }
    }
    assert!(
        d.project_at_mut(0)
            .indicators
            .iter()
            .any(|r| r.level2 == "产出数量"),
        "the set has a 数量 row"
    );
    let found = ids(&d);
    for rule in ["C1", "C2", "C3", "C7", "C8", "V1", "T2"] {
        assert!(!fires(&d, rule), "{rule}: {found:?}");
    }
    // A name that is no category stays unknown, notes or not.
    d.project_at_mut(0).indicators[0].level1 = "工作指标（数量）".into();
    assert!(fires(&d, "C1"));
}

#[test]
fn c_half_filled_rows_and_empty_rows() {
    let mut d = good();
    d.project_at_mut(0)
        .indicators
        .push(row("产出指标", "数量指标", "", "≥50人"));
    assert_eq!(severity(&d, "C4"), Some(Severity::Error));
    let mut d = good();
    d.project_at_mut(0)
        .indicators
        .push(row("产出指标", "数量指标", "", ""));
    assert_eq!(severity(&d, "C4"), Some(Severity::Info));
}

#[test]
fn c_names_one_thing_apart_are_not_duplicates_but_the_same_measure_is() {
    let mut d = good();
    let rows = &mut d.project_at_mut(1).indicators;
    rows[4] = row("产出指标", "成本指标", "保安服务费", "≤60万元");
    rows.insert(5, row("产出指标", "成本指标", "保洁服务费", "≤100万元"));
    rows.push(row("产出指标", "数量指标", "一类疫苗接种人次", "≥300人次"));
    rows.push(row("产出指标", "数量指标", "二类疫苗接种人次", "≥300人次"));
    assert!(!fires(&d, "C6"), "{:?}", ids(&d));
    d.project_at_mut(1).indicators[6].level3 = "参训教师满意率".into();
    d.project_at_mut(1).indicators.push(row(
        "满意度指标",
        "服务对象满意度指标",
        "参训教师满意度",
        "≥90%",
    ));
    assert!(fires(&d, "C6"), "满意率 and 满意度 measure one thing");
    // The same words in another order under two categories: how many, and what each costs.
    let mut d = good();
    let rows = &mut d.project_at_mut(1).indicators;
    rows.push(row("产出指标", "数量指标", "建设村级污水处理设施", "12处"));
    rows.push(row(
        "产出指标",
        "成本指标",
        "村级污水处理设施建设",
        "≤30万元/处",
    ));
    assert!(!fires(&d, "C6"), "{:?}", ids(&d));
    let last = d.project_at_mut(1).indicators.len() - 1;
    d.project_at_mut(1).indicators[last].level2 = "数量指标".into();
    assert!(fires(&d, "C6"), "{:?}", ids(&d));
}

#[test]
fn c_a_row_of_budget_execution_is_a_known_category() {
    // Templates that score their rows give 预算执行率 its 10 points in a row of its own.
    let mut d = good();
    for (l1, l2) in [("预算执行率", "预算执行率"), ("预算执行率", "")] {
        let p = d.project_at_mut(0);
        p.indicators.push(row(l1, l2, "预算执行率", "≥95%"));
        assert!(
            !fires(&d, "C1") && !fires(&d, "C5"),
            "{l1}/{l2}: {:?}",
            ids(&d)
        );
        d.project_at_mut(0).indicators.pop();
    }
    d.overall
        .indicators
        .push(row("预算执行率", "预算执行率", "预算执行率", "≥95%"));
    assert!(!fires(&d, "C1") && !fires(&d, "C5"), "{:?}", ids(&d));
    // Under another 一级 it is still misplaced.
    d.overall.indicators.pop();
    d.project_at_mut(0)
        .indicators
        .push(row("产出指标", "预算执行率", "预算执行率", "≥95%"));
    assert!(fires(&d, "C1"), "{:?}", ids(&d));
}

#[test]
fn c_real_names_are_not_placeholders() {
    use jixiao::check::rules::category::is_placeholder_name;
    use jixiao::model::framework::compact;
    for name in ["资助学生人数", "会议标准", "培训考核合格率", "按期完成率"] {
        assert!(!is_placeholder_name(name, "产出指标", "数量指标"), "{name}");
    }
    assert!(!is_placeholder_name(
        "预算执行率",
        "预算执行率",
        "预算执行率指标"
    ));
    // The overall form's cost of its 项目经费 is named so; a count of it is not.
    assert!(!is_placeholder_name("项目经费", "项目经费", "成本指标"));
    assert!(is_placeholder_name("项目经费", "项目经费", "数量指标"));
    assert!(is_placeholder_name("产出指标", "产出指标", "成本指标"));
    // Names are compacted first, as the rows are read.
    for name in [
        "数量",
        "数量指标",
        "按照年度工作计划实施",
        "工作计划",
        "质量 ",
    ] {
        assert!(
            is_placeholder_name(&compact(name), "产出指标", "数量指标"),
            "{name}"
        );
    }
}

#[test]
fn v_signs_units_and_ranges() {
    let mut d = good();
    d.project_at_mut(0).indicators[1].value = "98%".into();
    assert_eq!(
        severity(&d, "V2"),
        Some(Severity::Warning),
        "a percentage without ≥"
    );
    d.project_at_mut(0).indicators[1].value = "≥98%以上".into();
    assert!(fires(&d, "V4"));
    d.project_at_mut(0).indicators[1].value = "不低于98%".into();
    assert!(!fires(&d, "V4") && !fires(&d, "V2"));
    d.project_at_mut(0).indicators[1].value = "不低于98%以上".into();
    assert!(fires(&d, "V4"));
    // How Chinese says ≥ and ≤ in words: the first word needs the second.
    for v in ["达到98%以上", "98%及以上", "控制在2%以内"] {
        d.project_at_mut(0).indicators[1].value = v.into();
        assert!(!fires(&d, "V4") && !fires(&d, "V2"), "{v}: {:?}", ids(&d));
    }
    d.project_at_mut(0).indicators[1].value = "≥98%及以上".into();
    assert!(fires(&d, "V4"));
    d.project_at_mut(0).indicators[0].value = "1000-1200名".into();
    assert!(fires(&d, "V5"));
}

#[test]
fn v5_a_range_of_a_cost_is_told_to_state_its_cap() {
    let mut d = good();
    d.project_at_mut(0).indicators[0].value = "1000至1200名".into();
    let f = only_finding(&d, "V5");
    assert!(f.message().contains("（如 ≥1000名）"), "{}", f.message());
    // Of a cost, or of an indicator marked 反向, less is better: the cap is the target.
    d = good();
    d.project_at_mut(0).indicators[3].value = "800—3000元/件".into();
    let f = only_finding(&d, "V5");
    assert!(
        f.message()
            .contains("“800至3000元”是一个范围，应写明一个确定的目标值（如 ≤3000元）"),
        "{}",
        f.message()
    );
    d = good();
    let r = &mut d.project_at_mut(0).indicators[0];
    r.value = "1至3人".into();
    r.direction = Some(jixiao::model::Direction::Negative);
    assert!(only_finding(&d, "V5").message().contains("（如 ≤3人）"));
}

#[test]
fn v5_an_approximate_target_is_no_target() {
    for (value, written) in [
        ("约1200名", "约1200名"),
        ("大约1200名", "约1200名"),
        ("1200名左右", "1200名左右"),
        ("资助１２００名上下", "1200名上下"),
    ] {
        let mut d = good();
        d.project_at_mut(0).indicators[0].value = value.into();
        let f = only_finding(&d, "V5");
        assert_eq!(f.severity, Severity::Warning);
        assert!(
            f.message().contains(&format!("“{written}”是一个约数")),
            "{value}: {}",
            f.message()
        );
    }
    // An agreement is no approximation, and a period may be approximate.
    let mut d = good();
    d.project_at_mut(0).indicators[0].value = "按合同约定1200名".into();
    assert!(!fires(&d, "V5"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[3].value = "较上年节约15万元".into();
    assert!(!fires(&d, "V5"), "节约 saves: {:?}", ids(&d));
    let r = d
        .project_at_mut(0)
        .indicators
        .iter_mut()
        .find(|r| r.level2 == "时效指标")
        .unwrap();
    r.value = "约3个月".into();
    assert!(!fires(&d, "V5"), "{:?}", ids(&d));
}

#[test]
fn v_a_number_needs_a_unit_unless_it_has_one_unknown_or_measures_none() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[4];
    r.level3 = "PM2.5平均浓度".into();
    r.value = "≤35".into();
    assert_eq!(severity(&d, "V2"), Some(Severity::Error));
    d.project_at_mut(0).indicators[4].value = "≤35以下".into();
    assert_eq!(severity(&d, "V2"), Some(Severity::Error), "以下 is no unit");
    d.project_at_mut(0).indicators[4].value = "≤35微克/立方米".into();
    assert!(!fires(&d, "V2"), "a unit, though not on the list");
    let r = &mut d.project_at_mut(0).indicators[4];
    r.level3 = "农田灌溉水有效利用系数".into();
    r.value = "≥0.58".into();
    assert!(!fires(&d, "V2"), "a coefficient has no unit");
    // A number per a base the name states.
    for (name, value) in [
        ("每万人口全科医生数", "≥3"),
        ("每千人口医疗卫生机构床位数", "≥6.5"),
        ("亿元GDP生产安全事故死亡率", "≤0.02"),
        ("亿元ＧＤＰ生产安全事故死亡率", "≤0.02"),
        ("亿元国内生产总值生产安全事故死亡率", "≤0.02"),
        ("道路交通万车死亡率", "≤1.5"),
        ("万台特种设备死亡人数", "≤0.2"),
        ("千人口医疗卫生机构床位数", "≥6.5"),
        ("全县千人口执业医师数", "≥3.2"),
    ] {
        let r = &mut d.project_at_mut(0).indicators[4];
        (r.level3, r.value) = (name.into(), value.into());
        assert!(!fires(&d, "V2"), "{name}: {:?}", ids(&d));
    }
    let r = &mut d.project_at_mut(0).indicators[4];
    (r.level3, r.value) = ("亿元以上项目".into(), "≥5".into());
    assert_eq!(severity(&d, "V2"), Some(Severity::Error));
    // A rate per such a base is counted per it, not in %: V6 does not ask for a percentage.
    let r = &mut d.project_at_mut(0).indicators[4];
    (r.level3, r.value) = ("道路交通万车死亡率".into(), "≤1.5人".into());
    assert!(!fires(&d, "V6") && !fires(&d, "V2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[4].level3 = "亿元地区生产总值生产安全事故死亡率".into();
    assert!(!fires(&d, "V6") && !fires(&d, "V2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[4].level3 = "火灾死亡率".into();
    assert_eq!(severity(&d, "V6"), Some(Severity::Warning), "{:?}", ids(&d));
}

#[test]
fn v_m_a_unit_in_brackets_after_the_name_is_the_values_unit() {
    let mut d = good();
    let p = d.project_at_mut(0);
    (p.indicators[0].level3, p.indicators[0].value) = ("资助学生人数".into(), "≥1200".into());
    (p.indicators[3].level3, p.indicators[3].value) = ("资助资金".into(), "≤240".into());
    assert_eq!(severity(&d, "V2"), Some(Severity::Error));
    assert!(fires(&d, "M8"), "{:?}", ids(&d));
    let p = d.project_at_mut(0);
    p.indicators[0].level3 = "资助学生人数（人）".into();
    p.indicators[3].level3 = "资助资金（万元）".into();
    assert!(!fires(&d, "V2") && !fires(&d, "M8"), "{:?}", ids(&d));
    // 240 万元 of 400 explains too little: the amount is read, not just accepted.
    d.project_at_mut(0).total = Cell::from_input("400.00");
    assert!(fires(&d, "M8"), "{:?}", ids(&d));
}

#[test]
fn v_a_growth_rate_may_pass_100_percent() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[1];
    (r.level3, r.value) = ("农产品网络零售额增长率".into(), "≥120%".into());
    assert!(!fires(&d, "V6"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[1].level3 = "网络零售额占比率".into();
    assert!(fires(&d, "V6"), "{:?}", ids(&d));
}

#[test]
fn v_the_value_keeps_what_says_how_to_read_its_number() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[5];
    r.level3 = "重复投诉率".into();
    r.value = "较上年下降≥5%".into();
    assert!(!fires(&d, "V11"), "≥5% alone is another target");
    d.project_at_mut(0).indicators[3].value = "每个对象不超过2000元，合计240万元".into();
    assert!(!fires(&d, "V11"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[3].value = "每个对象不超过2000元".into();
    assert!(!fires(&d, "V11"), "what a unit price is per");
    d.project_at_mut(0).indicators[5].value = "政策知晓率≥95%".into();
    assert!(fires(&d, "V11"));
}

#[test]
fn v_keeping_only_the_value_is_offered_when_the_name_says_what_is_measured() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[5];
    r.level3 = "政策知晓率".into();
    r.value = "群众政策知晓率≥95%".into();
    let v11 = only_finding(&d, "V11");
    assert!(
        matches!(&v11.fix, Some(Fix::Set { text, .. }) if text == "≥95%"),
        "{v11:?}"
    );
    // Under "为决策提供统计服务", "≥12篇" alone would lose that reports are counted: the finding
    // stays, without the one-click fix.
    let r = &mut d.project_at_mut(0).indicators[5];
    r.level3 = "为党委政府决策提供统计服务".into();
    r.value = "提供统计分析报告≥12篇".into();
    let v11 = only_finding(&d, "V11");
    assert!(v11.fix.is_none(), "{v11:?}");
}

#[test]
fn v_a_unit_typed_into_the_number_cell_is_named_with_where_it_belongs() {
    let mut d = good();
    in_columns(
        &mut d.project_at_mut(0).indicators[0],
        Sign::AtLeast,
        "1200名",
        "名",
    );
    let v3 = only_finding(&d, "V3");
    assert!(matches!(v3.path, Path::Cell(_, _, _, RowField::Number)));
    assert!(matches!(
        &*v3.kind,
        Kind::NumberWithUnit {
            unit: "名",
            unit_column: true,
            ..
        }
    ));
    assert!(matches!(&v3.fix, Some(Fix::Set { text, .. }) if text == "1200"));
    // With no unit in its column, the unit must move there: no one-cell fix.
    d.project_at_mut(0).indicators[0].unit = String::new();
    let v3 = only_finding(&d, "V3");
    assert!(matches!(
        &*v3.kind,
        Kind::NumberWithUnit {
            unit_column: false,
            ..
        }
    ));
    assert_eq!(v3.fix, None);
    // Text that is no number with a unit stays without a number.
    d.project_at_mut(0).indicators[0].number = Cell::from_input("约1200");
    let v3 = only_finding(&d, "V3");
    assert!(matches!(&*v3.kind, Kind::QuantitativeWithoutNumber { .. }));
    // A ratio is a value as written ("消费券资金杠杆率" ≥ 1:5).
    for ratio in ["1:5", "1：5"] {
        d.project_at_mut(0).indicators[0].number = Cell::from_input(ratio);
        assert!(!fires(&d, "V3"), "{ratio}: {:?}", ids(&d));
    }
}

#[test]
fn v_structured_values() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[0];
    r.value = String::new();
    r.number = Cell::from_input("1200");
    r.unit = "名".into();
    r.sign = Some(jixiao::model::Sign::AtLeast);
    r.direction = Some(jixiao::model::Direction::Positive);
    assert!(
        !fires(&d, "V2") && !fires(&d, "V3") && !fires(&d, "V12") && !fires(&d, "V13"),
        "{:?}",
        ids(&d)
    );
    d.project_at_mut(0).indicators[0].unit = String::new();
    assert_eq!(severity(&d, "V2"), Some(Severity::Error));
    d.project_at_mut(0).indicators[0].unit = "坨".into();
    assert!(fires(&d, "V12"));
    for rate in ["元/人·年", "元/生", "次/月", "人/次"] {
        d.project_at_mut(0).indicators[0].unit = rate.into();
        assert!(!fires(&d, "V12"), "{rate}");
    }
    for unknown in ["坨/人", "元/", "元/一个很长的名词"] {
        d.project_at_mut(0).indicators[0].unit = unknown.into();
        assert!(fires(&d, "V12"), "{unknown}");
    }
    // The unit column and the value agree when they name one unit in two words.
    let r = &mut d.project_at_mut(0).indicators[0];
    (r.value, r.unit) = ("≥1200名".into(), "人".into());
    assert!(!fires(&d, "V2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[0].unit = "个".into();
    assert_eq!(severity(&d, "V2"), Some(Severity::Error));
}

#[test]
fn v_a_rate_in_the_number_column_is_a_quantity() {
    let mut d = good();
    in_columns(
        &mut d.project_at_mut(0).indicators[1],
        Sign::AtLeast,
        "98",
        "%",
    );
    assert!(
        !fires(&d, "V9") && !fires(&d, "V6"),
        "a quantitative quality row needs no grade scale: {:?}",
        ids(&d)
    );
    d.project_at_mut(0).indicators[1].number = Cell::from_input("120");
    let v6 = only_finding(&d, "V6");
    assert_eq!(v6.severity, Severity::Error);
    assert!(matches!(v6.path, Path::Cell(_, _, _, RowField::Number)));
    // A qualitative row's value still reads as its value.
    let r = &mut d.project_at_mut(0).indicators[1];
    (r.sign, r.number, r.unit, r.value) = (
        Some(jixiao::model::Sign::Qualitative),
        Cell::from_input(""),
        String::new(),
        "认定准确".into(),
    );
    assert!(fires(&d, "V9"), "{:?}", ids(&d));
}

#[test]
fn v_satisfaction_band_is_configurable() {
    let mut d = good();
    d.project_at_mut(0).indicators[6].value = "≥100%".into();
    assert!(fires(&d, "V7"));
    let lenient = Profile {
        satisfaction_warn_at_100: false,
        ..Profile::default()
    };
    assert!(!check(&d, &lenient).findings.iter().any(|f| f.rule == "V7"));
    d.project_at_mut(0).indicators[6].value = "≥120%".into();
    assert_eq!(severity(&d, "V6"), Some(Severity::Error));
}

#[test]
fn v_a_rate_needs_a_percentage_but_may_name_its_basis() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[3];
    r.level3 = "验收合格率".into();
    r.value = "3个点位".into();
    assert_eq!(severity(&d, "V6"), Some(Severity::Warning), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[3].value = "3个点位验收合格率95%".into();
    assert!(!fires(&d, "V6"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[3].value = "≥95%".into();
    assert!(!fires(&d, "V6"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[3].value = "较上年提高5个百分点".into();
    assert!(!fires(&d, "V6"), "{:?}", ids(&d));
    // A satisfaction is a %, unless the name says it is a score.
    let r = &mut d.project_at_mut(0).indicators[3];
    r.level3 = "群众满意度".into();
    r.value = "≥90分".into();
    assert_eq!(severity(&d, "V6"), Some(Severity::Warning), "{:?}", ids(&d));
    for name in ["群众满意度测评得分", "满意度评分"] {
        d.project_at_mut(0).indicators[3].level3 = name.into();
        assert!(!fires(&d, "V6"), "{name}: {:?}", ids(&d));
    }
}

#[test]
fn v_boilerplate_and_measurable_text() {
    use jixiao::check::rules::value::is_boilerplate;
    for t in [
        "按照计划执行",
        "根据工作要求完成。",
        "稳步提高",
        "按照活动要求执行",
        "逐步提高",
        "有所改善。",
        "不断增强",
        "进一步优化",
        "得到提升",
        "逐步完善",
        // 持续 with a change, and 健全 as a change (财预〔2015〕88号's 细化量化 asks more of both).
        "持续改善",
        "持续增强",
        "持续健全",
        "不断健全",
    ] {
        assert!(is_boilerplate(t), "{t}");
    }
    for t in [
        "按照计划于2023年6月底前完成",
        "验收合格",
        "培训后课堂教学评价达到良好及以上",
        // A change with its measure, or of a named thing, says what is to be reached.
        "逐步提高至95%",
        "群众满意度稳步提高",
        "提高",
        // Grades of a 分级 scale and a lasting effect.
        "明显改善",
        "持续巩固",
    ] {
        assert!(!is_boilerplate(t), "{t}");
    }
}

#[test]
fn t_a_rate_in_the_unit_column_is_no_count_of_output() {
    // 2 beside 次/年 in a structured row is a frequency, as "每年2次" in the value would be, not a
    // count the target must state (the target here names no 家访).
    let mut d = good();
    let p = d.project_at_mut(1);
    p.indicators
        .push(row("产出指标", "数量指标", "家访频次", ""));
    let last = p.indicators.len() - 1;
    in_columns(&mut p.indicators[last], Sign::AtLeast, "2", "次/年");
    assert!(!fires(&d, "T2"), "{:?}", ids(&d));
    // The same number as a count is one.
    d.project_at_mut(1).indicators[last].unit = "次".into();
    assert!(fires(&d, "T2"), "{:?}", ids(&d));
}

#[test]
fn t_counts_summed_from_the_target_are_traced() {
    let mut d = good();
    d.project_at_mut(1).annual_target =
        "2023年培训乡村教师200人次、城区教师100人次，举办培训班10期。".into();
    assert!(!fires(&d, "T2"), "300 = 200 + 100");
    d.project_at_mut(1).annual_target = "2023年培训乡村教师200人次，举办培训班10期。".into();
    assert_eq!(severity(&d, "T2"), Some(Severity::Warning));
}

#[test]
fn t_the_digits_of_a_numbered_list_are_no_measure() {
    let mut d = good();
    d.project_at_mut(1).annual_target = "1.教师培训；2.送教下乡；3.教研活动。".into();
    assert_eq!(severity(&d, "T1"), Some(Severity::Warning), "{:?}", ids(&d));
    for measurable in [
        "1.培训教师300人次；2.送教下乡。",
        "2023年10月底前完成全县教师轮训。",
    ] {
        d.project_at_mut(1).annual_target = measurable.into();
        assert!(!fires(&d, "T1"), "{measurable}: {:?}", ids(&d));
    }
}

#[test]
fn t_counts_in_person_times_multiplied_from_the_target_are_traced() {
    // 300人次 is 2 rounds of 150 teachers.
    let mut d = good();
    d.project_at_mut(1).annual_target =
        "2023年集中培训2次，每次培训乡村教师150人，举办培训班10期。".into();
    assert!(!fires(&d, "T2"), "300 = 2 × 150: {:?}", ids(&d));
    d.project_at_mut(1).annual_target = "2023年举办培训班10期，每期培训乡村教师30人。".into();
    assert!(!fires(&d, "T2"), "300 = 10 × 30: {:?}", ids(&d));
    d.project_at_mut(1).annual_target =
        "2023年集中培训2次，每次培训乡村教师140人，举办培训班10期。".into();
    assert_eq!(severity(&d, "T2"), Some(Severity::Warning));
}

#[test]
fn t_counts_that_break_down_a_total_of_the_target_are_traced() {
    // The target says "培训300人次"; two rows split them.
    let mut d = good();
    let p = d.project_at_mut(1);
    (p.indicators[0].level3, p.indicators[0].value) =
        ("乡村教师培训人次".into(), "≥200人次".into());
    let city = row("产出指标", "数量指标", "城区教师培训人次", "≥100人次");
    p.indicators.insert(1, IndicatorRow { id: Id(99), ..city });
    assert!(!fires(&d, "T2"), "200 + 100 = 300: {:?}", ids(&d));
    d.project_at_mut(1).indicators[1].value = "≥150人次".into();
    let t2 = |d: &Declaration| ids(d).iter().filter(|(id, _)| *id == "T2").count();
    assert_eq!(t2(&d), 2, "200 + 150 is no total of the target");
    // Parts are counted in one unit: 290 人次 and 10 人 are not 300 人次.
    let p = d.project_at_mut(1);
    (p.indicators[0].value, p.indicators[1].value) = ("≥290人次".into(), "≥10人".into());
    assert_eq!(t2(&d), 2);
}

#[test]
fn v_a_number_in_the_name_agrees_with_the_number_column() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[0];
    r.level3 = "资助学生1200名".into();
    in_columns(r, Sign::AtLeast, "1200", "名");
    assert!(!fires(&d, "V10"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[0].number = Cell::from_input("1500");
    let v10 = only_finding(&d, "V10");
    assert!(matches!(v10.path, Path::Cell(_, _, _, RowField::Number)));
}

/// Templates with a 计量单位 column beside 指标值 ("≥1200" and 名): the value's number is read
/// with the column's unit by the rules that compare numbers.
#[test]
fn a_number_beside_a_unit_column_is_read_with_its_unit() {
    let mut d = good();
    let p = d.project_at_mut(0);
    (p.indicators[0].value, p.indicators[0].unit) = ("≥1200".into(), "名".into());
    (p.indicators[1].value, p.indicators[1].unit) = ("≥98".into(), "%".into());
    (p.indicators[6].value, p.indicators[6].unit) = ("≥90".into(), "%".into());
    assert!(
        ids(&d).iter().all(|(_, s)| *s == Severity::Info),
        "{:?}",
        ids(&d)
    );
    let p = d.project_at_mut(0);
    p.indicators[0].value = "≥1500".into();
    p.indicators[1].value = "≥120".into();
    p.indicators[6].value = "≥70".into();
    let found = ids(&d);
    for (rule, severity) in [
        ("T2", Severity::Warning),
        ("V6", Severity::Error),
        ("V7", Severity::Warning),
    ] {
        assert!(found.contains(&(rule, severity)), "{rule}: {found:?}");
    }
    let p = d.project_at_mut(0);
    (p.indicators[0].level3, p.indicators[0].value) = ("资助学生1200名".into(), "≥1500".into());
    assert_eq!(severity(&d, "V10"), Some(Severity::Error));
    // Money under 数量指标, and a rate counted in things, by their unit columns.
    let mut d = good();
    let p = d.project_at_mut(0);
    (p.indicators[0].value, p.indicators[0].unit) = ("≥1200".into(), "万元".into());
    (p.indicators[1].value, p.indicators[1].unit) = ("≥98".into(), "名".into());
    assert_eq!(severity(&d, "C8"), Some(Severity::Warning), "{:?}", ids(&d));
    assert_eq!(severity(&d, "V6"), Some(Severity::Warning), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[1].unit = "个百分点".into();
    assert!(!fires(&d, "V6"), "a change in points: {:?}", ids(&d));
}

#[test]
fn v_a_satisfaction_target_in_the_number_column_is_faulted_there() {
    let mut d = good();
    in_columns(
        &mut d.project_at_mut(0).indicators[6],
        Sign::AtLeast,
        "70",
        "%",
    );
    let v7 = only_finding(&d, "V7");
    assert!(matches!(v7.path, Path::Cell(_, _, _, RowField::Number)));
    assert_eq!(v7.span, None, "the number column has no text to point into");
    // Beside a % unit column, in the value: there, at the number.
    let r = &mut d.project_at_mut(0).indicators[6];
    (r.value, r.number) = ("≥70".into(), Cell::from_input(""));
    let v7 = only_finding(&d, "V7");
    assert!(matches!(v7.path, Path::Cell(_, _, _, RowField::Value)));
    assert!(v7.span.is_some());
}

#[test]
fn t_a_count_in_the_number_column_is_traced_too() {
    let mut d = good();
    in_columns(
        &mut d.project_at_mut(0).indicators[0],
        Sign::AtLeast,
        "1200",
        "名",
    );
    assert!(!fires(&d, "T2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[0].number = Cell::from_input("1500");
    let t2 = only_finding(&d, "T2");
    assert!(matches!(t2.path, Path::Cell(_, _, _, RowField::Number)));
    assert_eq!(t2.span, None, "the number column has no text to point into");
}

#[test]
fn t_people_counted_in_名_or_人_are_one_count() {
    // The target says "资助家庭经济困难学生1200名".
    let mut d = good();
    d.project_at_mut(0).indicators[0].value = "≥1200人".into();
    assert!(!fires(&d, "T2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[0].value = "≥1300人".into();
    assert_eq!(severity(&d, "T2"), Some(Severity::Warning));
    d.project_at_mut(0).indicators[0].value = "≥1200人次".into();
    assert!(fires(&d, "T2"), "人次 counts visits, not people");
}

#[test]
fn t_counts_written_in_万_or_as_more_than_are_the_counts_they_state() {
    // The target says "资助家庭经济困难学生1200名".
    let mut d = good();
    for value in ["≥0.12万人", "1200余人", "1200多名"] {
        d.project_at_mut(0).indicators[0].value = value.into();
        assert!(!fires(&d, "T2"), "{value}: {:?}", ids(&d));
    }
    let target = d.project_at_mut(0).annual_target.clone();
    for (written, other) in [("1200名", "0.12万名"), ("1200名", "1200余名")] {
        d.project_at_mut(0).annual_target = target.replace(written, other);
        d.project_at_mut(0).indicators[0].value = "≥1200人".into();
        assert!(!fires(&d, "T2"), "{other}: {:?}", ids(&d));
        d.project_at_mut(0).indicators[0].value = "≥1300人".into();
        assert!(fires(&d, "T2"), "{other}: {:?}", ids(&d));
    }
}

#[test]
fn v_a_number_in_the_name_is_compared_in_ones() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[0];
    r.level3 = "资助学生1200名".into();
    for value in ["≥1200人", "≥0.12万人"] {
        d.project_at_mut(0).indicators[0].value = value.into();
        assert!(!fires(&d, "V10"), "{value}: {:?}", ids(&d));
    }
    for value in ["≥1500人", "≥0.15万人"] {
        d.project_at_mut(0).indicators[0].value = value.into();
        let v10 = only_finding(&d, "V10");
        assert!(
            matches!(*v10.kind, Kind::NameNumberDiffers { in_name, in_value, .. }
                if in_name == Decimal::from(1200) && in_value == Decimal::from(1500)),
            "{value}: {:?}",
            v10.kind
        );
        assert_eq!(
            v10.message(),
            "指标名称中的 1200名 与指标值 1500人 不一致",
            "each number with its own cell's unit"
        );
    }
}

#[test]
fn t3_where_the_year_starts_from_is_no_result_claimed() {
    let mut d = good();
    d.project_at_mut(1).annual_target =
        "在2022年取得了良好成效、积累了经验的基础上，2023年组织全县教师培训300人次，举办培训班10期。"
            .into();
    assert!(!fires(&d, "T3"), "{:?}", ids(&d));
    // A result claimed in a clause of its own is still one.
    d.project_at_mut(1).annual_target =
        "2023年组织全县教师培训300人次，举办培训班10期，取得了良好成效，在此基础上推广。".into();
    assert_eq!(severity(&d, "T3"), Some(Severity::Warning), "{:?}", ids(&d));
}

#[test]
fn t_per_unit_cost_is_shown_as_info() {
    let found = check(&good(), &Profile::default()).findings;
    let t4 = found.iter().find(|f| f.rule == "T4").unwrap();
    assert_eq!(t4.severity, Severity::Info);
    // Under 1 万元 in 元, as unit costs are usually stated.
    assert!(t4.message().contains("每名 2000 元"), "{}", t4.message());
    let mut d = good();
    d.project_at_mut(0).indicators[0].value = "≥120名".into();
    let t4 = only_finding(&d, "T4");
    assert!(t4.message().contains("每名 2 万元"), "{}", t4.message());
    // Below one 元, in 分 (not "每头 0 元").
    d.project_at_mut(0).indicators[0].value = "≥6250000名".into();
    let t4 = only_finding(&d, "T4");
    assert!(
        t4.message().contains("÷ 625万名 ≈ 每名 0.38 元"),
        "{}",
        t4.message()
    );
    // A few 元 keep their 角 and 分: 60 万元 for 40 万 pages is 1.5 元 a page, not 2.
    d.project_at_mut(0).indicators[0].value = "≥1600000名".into();
    let t4 = only_finding(&d, "T4");
    assert!(t4.message().contains("≈ 每名 1.5 元"), "{}", t4.message());
}

#[test]
fn t_counts_in_the_columns_of_a_structured_row_are_outputs_too() {
    // A count in the number and unit columns is the per-unit cost's output, at the number.
    let mut d = good();
    in_columns(
        &mut d.project_at_mut(0).indicators[0],
        Sign::AtLeast,
        "1200",
        "名",
    );
    let t4 = only_finding(&d, "T4");
    assert!(t4.message().contains("每名 2000 元"), "{}", t4.message());
    assert!(
        matches!(t4.path, Path::Cell(_, _, _, RowField::Number)),
        "{:?}",
        t4.path
    );
    // Beside another count, it makes the output ambiguous: no per-unit cost of the whole total.
    let second = row("产出指标", "数量指标", "资助家庭户数", "≥900户");
    d.project_at_mut(0).indicators.push(second);
    assert!(!fires(&d, "T4"), "{:?}", ids(&d));
}

#[test]
fn t_no_per_unit_cost_when_the_output_count_is_ambiguous() {
    // 教师培训 states two counts (300人次 and 10期): which one a cost is "per" is unclear.
    let found = check(&good(), &Profile::default()).findings;
    let p2 = jixiao::model::FormRef::Project(good().projects[1].id);
    assert!(!found
        .iter()
        .any(|f| f.rule == "T4" && f.path.form() == Some(p2)));
}

#[test]
fn w_brackets_balance_across_nesting() {
    let mut d = good();
    d.project_at_mut(0).annual_target =
        "依据《学生资助资金管理办法》（财教〔2021〕310号），2023年资助1200名。".into();
    assert!(!fires(&d, "W1") && !fires(&d, "W2"), "{:?}", ids(&d));
    d.project_at_mut(0).annual_target = "依据《学生资助资金管理办法）2023年资助1200名。".into();
    assert!(fires(&d, "W2"));
}

#[test]
fn w_list_markers_close_no_bracket() {
    let mut d = good();
    for target in [
        "2023年：1）资助学生1200名；2）资金240万元。",
        "2023年：1)资助学生1200名；2)资金240万元。",
        "一）资助学生1200名，二）资金240万元。",
        "２）资助学生1200名。",
    ] {
        d.project_at_mut(0).annual_target = target.into();
        assert!(!fires(&d, "W2"), "{target}: {:?}", ids(&d));
    }
    for target in [
        "2023年资助学生1200名）。",
        "2023年：123）资助学生1200名。",
        "2023年：1】资助学生1200名。",
    ] {
        d.project_at_mut(0).annual_target = target.into();
        assert!(fires(&d, "W2"), "{target}");
    }
}

#[test]
fn s_weights_90_with_execution_rate_apart() {
    let mut d = good();
    for (r, w) in d
        .project_at_mut(0)
        .indicators
        .iter_mut()
        .zip(["20", "10", "10", "10", "20", "10", "10"])
    {
        r.weight = Cell::from_input(w);
    }
    assert!(!fires(&d, "S1"), "90 without an execution-rate row is fine");
    assert!(!fires(&d, "S2"));
    d.project_at_mut(0).indicators.push(IndicatorRow {
        weight: Cell::from_input("10"),
        ..row("产出指标", "时效指标", "预算执行率", "≥95%")
    });
    assert!(fires(&d, "S2"), "产出 now weighs 60");
    assert!(!fires(&d, "S1"));
}

#[test]
fn s_weights_written_with_分_are_read_and_text_that_is_no_number_is_an_error() {
    let mut d = good();
    for (r, w) in d
        .project_at_mut(0)
        .indicators
        .iter_mut()
        .zip(["20分", "10", "10%", "10", "20", "10", "10"])
    {
        r.weight = Cell::from_input(w);
    }
    let found = check(&d, &d.profile).findings;
    let s1: Vec<_> = found.iter().filter(|f| f.rule == "S1").collect();
    assert_eq!(s1.len(), 2, "{found:?}");
    for f in &s1 {
        assert_eq!(f.severity, Severity::Warning);
        assert!(matches!(f.path, Path::Cell(_, _, _, RowField::Weight)));
        assert!(matches!(&f.fix, Some(Fix::Set { text, .. }) if text == "20" || text == "10"));
    }
    assert!(!fires(&d, "S2"), "read as 20 and 10, the split is 50/30/10");
    d.project_at_mut(0).indicators[1].score = Cell::from_input("12分");
    assert_eq!(severity(&d, "S3"), Some(Severity::Error), "12 > 10");
    // A weight that is no number: an error at its cell, and no sum judged without it.
    d.project_at_mut(0).indicators[0].weight = Cell::from_input("待定");
    let found = check(&d, &d.profile).findings;
    let errors: Vec<_> = found
        .iter()
        .filter(|f| f.rule == "S1" && f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{found:?}");
    assert!(matches!(
        errors[0].path,
        Path::Cell(_, _, _, RowField::Weight)
    ));
    assert!(!fires(&d, "S2"), "{:?}", ids(&d));
}

#[test]
fn a_text_held_by_many_cells_is_faulted_at_each_with_its_own_fix() {
    use jixiao::check::Fix;
    let faulty = "按攀人办[2019]53号执行，公计5个（完成";
    let mut d = good();
    d.project_at_mut(0).indicators[4].value = faulty.into();
    d.project_at_mut(1).indicators[4].value = faulty.into();
    d.project_at_mut(1).annual_target = faulty.into();
    d.project_at_mut(0).indicators[6].value = "受助学生满意度≥95%".into();
    d.project_at_mut(1).indicators[6].value = "受助学生满意度≥95%".into();
    let report = check(&d, &Profile::default());
    for (rule, places) in [("W1", 3), ("W2", 3), ("W4", 3), ("V11", 2)] {
        let found: Vec<_> = report.findings.iter().filter(|f| f.rule == rule).collect();
        let mut paths: Vec<_> = found.iter().map(|f| f.path).collect();
        paths.dedup();
        assert_eq!(paths.len(), places, "{rule} at {paths:?}");
        for f in &found {
            match &f.fix {
                Some(Fix::Replace { path, .. } | Fix::Set { path, .. }) => {
                    assert_eq!(*path, f.path, "{rule}: the fix is for another place")
                }
                Some(Fix::DropEmptyRows) => panic!("{rule}"),
                None => assert_eq!(rule, "W2"),
            }
        }
    }
    for f in &report.findings {
        if matches!(f.rule, "W1" | "W4" | "V11") {
            assert!(f.fix.as_ref().is_some_and(|fix| fix.apply(&mut d)), "{f:?}");
        }
    }
    let fixed = "按攀人办〔2019〕53号执行，共计5个（完成";
    assert_eq!(d.project_at_mut(0).indicators[4].value, fixed);
    assert_eq!(d.project_at_mut(1).indicators[4].value, fixed);
    assert_eq!(d.project_at_mut(1).annual_target, fixed);
    assert_eq!(d.project_at_mut(0).indicators[6].value, "≥95%");
    assert_eq!(d.project_at_mut(1).indicators[6].value, "≥95%");
}

#[test]
fn v13_a_rate_of_something_to_avoid_is_kept_low() {
    let mut d = good();
    d.project_at_mut(0).indicators[0].level3 = "安全事故发生率".into();
    for (value, fixed) in [
        ("≥1%", Some("≤1%")),
        ("1%以上", Some("1%以下")),
        ("不低于1%", None),
    ] {
        d.project_at_mut(0).indicators[0].value = value.into();
        let v13 = only_finding(&d, "V13");
        assert_eq!(v13.severity, Severity::Warning);
        assert_eq!(
            v13.message(),
            "发生率越低越好（反向指标），指标值应写“≤”（不高于），而不是“≥”"
        );
        let mut fixed_d = d.clone();
        match fixed {
            Some(fixed) => {
                assert!(v13.fix.unwrap().apply(&mut fixed_d), "{value}");
                assert_eq!(fixed_d.project_at_mut(0).indicators[0].value, fixed);
                assert!(!fires(&fixed_d, "V13"), "{value} fixed");
            }
            None => assert!(v13.fix.is_none(), "{value}"),
        }
    }
    // What is not a rate to keep low, or states its fall, or is low already.
    for (name, value) in [
        ("安全事故发生率", "≤1%"),
        ("安全事故发生率", "=0"),
        ("事故发生率下降幅度", "≥10%"),
        ("投诉率较上年降低", "≥5%"),
        ("重复投诉率", "较上年下降≥5%"),
        ("投诉处理率", "≥95%"),
        ("验收合格率", "≥95%"),
    ] {
        d.project_at_mut(0).indicators[0].level3 = name.into();
        d.project_at_mut(0).indicators[0].value = value.into();
        assert!(!fires(&d, "V13"), "{name} {value}: {:?}", ids(&d));
    }
    // The structured sign column: the fix sets it.
    let r = &mut d.project_at_mut(0).indicators[0];
    r.level3 = "群众投诉率".into();
    r.value = String::new();
    r.number = Cell::from_input("2");
    r.unit = "%".into();
    r.sign = Some(jixiao::model::Sign::AtLeast);
    let v13 = only_finding(&d, "V13");
    assert!(matches!(v13.path, Path::Cell(_, _, _, RowField::Sign)));
    assert!(v13.fix.unwrap().apply(&mut d));
    assert_eq!(
        d.project_at_mut(0).indicators[0].sign,
        Some(jixiao::model::Sign::AtMost)
    );
    // With a direction column, the column says which way: disagreeing is a hint at the column.
    let r = &mut d.project_at_mut(0).indicators[0];
    r.direction = Some(jixiao::model::Direction::Positive);
    let v13 = only_finding(&d, "V13");
    assert_eq!(v13.severity, Severity::Info);
    assert!(matches!(v13.path, Path::Cell(_, _, _, RowField::Direction)));
}

#[test]
fn v2_a_timeliness_count_without_its_unit_is_missing_it_but_a_date_is_not() {
    let mut d = good();
    // Project 1's 时效 row ("培训完成时间").
    let at = d
        .project_at_mut(1)
        .indicators
        .iter()
        .position(|r| r.level2 == "时效指标")
        .unwrap();
    for value in ["2", "≤30"] {
        d.project_at_mut(1).indicators[at].value = value.into();
        assert_eq!(
            severity(&d, "V2"),
            Some(Severity::Error),
            "{value}: {:?}",
            ids(&d)
        );
    }
    for value in [
        "2023",
        "2023.11",
        "11.30",
        "T+1",
        "30个工作日内",
        "2023年11月底前",
    ] {
        d.project_at_mut(1).indicators[at].value = value.into();
        assert!(!fires(&d, "V2"), "{value}: {:?}", ids(&d));
    }
}

#[test]
fn v2_zero_needs_no_unit() {
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[4];
    r.level3 = "重大安全事故".into();
    r.value = "0".into();
    assert!(!fires(&d, "V2"), "0 is 0 in any unit: {:?}", ids(&d));
    in_columns(&mut d.project_at_mut(0).indicators[4], Sign::Equal, "0", "");
    assert!(!fires(&d, "V2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[4].number = Cell::from_input("2");
    assert_eq!(severity(&d, "V2"), Some(Severity::Error), "{:?}", ids(&d));
}

#[test]
fn v2_a_bound_without_a_sign_reads_as_equal_and_a_sign_in_the_value_counts() {
    // 100% and 0% without a sign: "=" is the fix; 98% has none (≥ or ≤ is the writer's call).
    let mut d = good();
    d.project_at_mut(0).indicators[1].value = "１００％".into();
    let v2 = only_finding(&d, "V2");
    assert!(v2.fix.unwrap().apply(&mut d));
    assert_eq!(d.project_at_mut(0).indicators[1].value, "=100%");
    assert!(!fires(&d, "V2"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[1].value = "百分之百".into();
    let v2 = only_finding(&d, "V2");
    assert!(v2.fix.unwrap().apply(&mut d));
    assert_eq!(d.project_at_mut(0).indicators[1].value, "=100%");
    d.project_at_mut(0).indicators[1].value = "98%".into();
    assert_eq!(only_finding(&d, "V2").fix, None);
    // In the columns of a structured template: the sign column.
    let r = &mut d.project_at_mut(0).indicators[1];
    in_columns(r, Sign::AtLeast, "0", "%");
    r.sign = None;
    let v2 = only_finding(&d, "V2");
    assert!(v2.fix.unwrap().apply(&mut d));
    assert_eq!(d.project_at_mut(0).indicators[1].sign, Some(Sign::Equal));
    // A sign written in the value states it, with the number column left without one.
    let r = &mut d.project_at_mut(0).indicators[1];
    (r.sign, r.number, r.value) = (None, Cell::from_input("98"), "≥98%".into());
    assert!(!fires(&d, "V2"), "{:?}", ids(&d));
}

#[test]
fn v2_a_unit_column_in_万_names_a_value_written_in_万() {
    // The reader counts "≥0.15万人" as 1500 人; the column says it as the value writes it.
    let mut d = good();
    let r = &mut d.project_at_mut(0).indicators[0];
    r.value = "≥0.12万人".into();
    r.unit = "万人".into();
    assert!(!fires(&d, "V2") && !fires(&d, "V12"), "{:?}", ids(&d));
    // A value in ones beside a column in 万 says it two ways.
    d.project_at_mut(0).indicators[0].value = "≥1200人".into();
    assert_eq!(severity(&d, "V2"), Some(Severity::Error), "{:?}", ids(&d));
}

#[test]
fn m11_a_unit_price_times_its_count_is_within_the_total() {
    // Project 0: 240 万元, "资助学生人数 ≥1200名", "每人每年2000元，合计240万元".
    let mut d = good();
    assert!(
        !fires(&d, "M11"),
        "2000元 × 1200名 = 240 万元: {:?}",
        ids(&d)
    );
    d.project_at_mut(0).indicators[0].value = "≥1500名".into();
    let f = only_finding(&d, "M11");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message()
            .contains("单价 2000元 × 数量指标的 1500名 = 300 万元，超过项目年度资金总额 240 万元"),
        "{}",
        f.message()
    );
    // A price after a slash; its count in the value or in the columns of a structured row.
    let mut d = good();
    let p = d.project_at_mut(0);
    p.indicators[3] = row("产出指标", "成本指标", "一般纠纷补助标准", "1500元/件");
    p.indicators[0] = row("产出指标", "数量指标", "调解一般纠纷", "≥1800件");
    assert!(
        fires(&d, "M11"),
        "1500元 × 1800件 = 270 万元: {:?}",
        ids(&d)
    );
    in_columns(
        &mut d.project_at_mut(0).indicators[0],
        Sign::AtLeast,
        "1800",
        "件",
    );
    assert!(fires(&d, "M11"), "in columns: {:?}", ids(&d));
    // A cap says nothing of the sum.
    d.project_at_mut(0).indicators[0].sign = Some(Sign::AtMost);
    assert!(!fires(&d, "M11"), "≤1800件: {:?}", ids(&d));
    d.project_at_mut(0).indicators[0] = row("产出指标", "数量指标", "调解一般纠纷", "≥1800件");
    d.project_at_mut(0).indicators[3].value = "不超过1500元/件".into();
    assert!(!fires(&d, "M11"), "不超过1500元/件: {:?}", ids(&d));
    // Two counts of the unit: which one the price is for is not known.
    d.project_at_mut(0).indicators[3].value = "1500元/件".into();
    let second = row("产出指标", "数量指标", "调解重大纠纷", "≥20件");
    d.project_at_mut(0).indicators.push(second);
    assert!(!fires(&d, "M11"), "two counts in 件: {:?}", ids(&d));
    // 个 counts anything: the price goes with a count of 个 of what it names.
    let mut d = good();
    let p = d.project_at_mut(0);
    p.indicators[3] = row("产出指标", "成本指标", "运行维护费", "每个活动室6000元");
    p.indicators[0] = row("产出指标", "数量指标", "覆盖乡镇数", "≥500个");
    assert!(!fires(&d, "M11"), "乡镇 are no 活动室: {:?}", ids(&d));
    d.project_at_mut(0).indicators[0] = row("产出指标", "数量指标", "新建活动室", "≥500个");
    assert!(fires(&d, "M11"), "6000元 × 500个 = 300 万元: {:?}", ids(&d));
    // A price per a period of time is per person still; per a period alone, per nothing counted.
    let mut d = good();
    d.project_at_mut(0).indicators[3].value = "每人每月2500元".into();
    assert!(
        fires(&d, "M11"),
        "2500元 × 1200名 = 300 万元: {:?}",
        ids(&d)
    );
    d.project_at_mut(0).indicators[3].value = "每月2500元".into();
    assert!(!fires(&d, "M11"), "{:?}", ids(&d));
    // 人均 prices per person as 每人 does, and is no amount of the total to M8.
    d.project_at_mut(0).indicators[3].level3 = "资助成本".into();
    d.project_at_mut(0).indicators[3].value = "人均2500元".into();
    assert!(fires(&d, "M11") && !fires(&d, "M8"), "{:?}", ids(&d));
    d.project_at_mut(0).indicators[3].value = "人均2000元".into();
    assert!(!fires(&d, "M11") && !fires(&d, "M8"), "{:?}", ids(&d));
}

#[test]
fn t5_a_long_term_count_is_not_below_the_annual_one() {
    // Project 0's annual "资助学生人数 ≥1200名", again in the long-term grid.
    let with_long_term = |value: &str| {
        let mut d = good();
        let p = d.project_at_mut(0);
        let mut r = p.indicators[0].clone();
        r.value = value.into();
        p.long_term_indicators.push(r);
        d.ensure_ids();
        d
    };
    let d = with_long_term("≥1000名");
    let f = only_finding(&d, "T5");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        matches!(f.path, Path::Cell(_, Grid::LongTerm, _, RowField::Value)),
        "{:?}",
        f.path
    );
    assert!(
        f.message()
            .contains("中长期指标 1000名 少于同名年度指标的 1200名"),
        "{}",
        f.message()
    );
    for value in [
        "≥3600名",
        "1200人",
        "每年资助≥1000名",
        "年均1000名",
        "≤1000名",
    ] {
        assert!(!fires(&with_long_term(value), "T5"), "{value}");
    }
    let mut d = with_long_term("≥1000名");
    d.project_at_mut(0).long_term_indicators[0].level3 = "累计资助学生人数".into();
    assert!(fires(&d, "T5"), "累计 names the same count: {:?}", ids(&d));
    // In the columns of a structured row.
    let mut d = with_long_term("");
    in_columns(
        &mut d.project_at_mut(0).long_term_indicators[0],
        Sign::AtLeast,
        "1000",
        "名",
    );
    assert!(fires(&d, "T5"), "{:?}", ids(&d));
    // Another indicator's count is not compared.
    let mut d = with_long_term("≥1000名");
    d.project_at_mut(0).long_term_indicators[0].level3 = "资助教师人数".into();
    assert!(!fires(&d, "T5"), "{:?}", ids(&d));
}

#[test]
fn y3_the_annual_budget_is_part_of_the_whole_periods_money() {
    // Project 0 (240 万元) runs three years; its long-term cost row states the whole money.
    let with_whole = |value: &str| {
        let mut d = good();
        let p = d.project_at_mut(0);
        p.period = "2023年1月至2025年12月".into();
        p.long_term_target = "三年资助家庭经济困难学生3600名".into();
        let mut cost = p.indicators[3].clone();
        (cost.level3, cost.value) = ("项目总成本".into(), value.into());
        p.long_term_indicators.push(cost);
        d.ensure_ids();
        d
    };
    assert!(
        !fires(&with_whole("≤720万元"), "Y3"),
        "{:?}",
        ids(&with_whole("≤720万元"))
    );
    for value in ["≤240万元", "200万元"] {
        let d = with_whole(value);
        let y3 = only_finding(&d, "Y3");
        assert!(
            matches!(y3.path, Path::Field(_, jixiao::model::Field::Total)),
            "{:?}",
            y3.path
        );
        assert!(
            y3.message()
                .contains("年度资金总额 240.00 万元不少于中长期成本指标合计的"),
            "{}",
            y3.message()
        );
    }
    // In the columns of a structured row.
    let mut d = with_whole("");
    in_columns(
        &mut d.project_at_mut(0).long_term_indicators[0],
        Sign::AtMost,
        "240",
        "万元",
    );
    assert!(fires(&d, "Y3"), "{:?}", ids(&d));
    // A one-year project's long-term grid is not compared.
    let mut d = with_whole("≤240万元");
    d.project_at_mut(0).period = "2023年1月至12月".into();
    assert!(!fires(&d, "Y3"), "{:?}", ids(&d));
}
