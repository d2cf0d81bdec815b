//! The list of every rule: id, severity, what it checks, why, the function, and a sample that breaks it.
//!
//! The rule reference (docs/rules.md) and the tests are generated from this list, so they cannot drift.

use super::rules::{
    category as c, identity as h, money as m, score as s, target as t, value as v, wording as w,
    year as y,
};
use super::{fixtures::good, Ctx, Out, Severity};
use crate::model::{Cell, Declaration, Sign};

/// One rule.
pub struct Rule {
    /// Stable id ("M4").
    pub id: &'static str,
    /// The most serious severity it reports.
    pub severity: Severity,
    /// What it checks.
    pub title: Doc<&'static str>,
    /// Why: the guidance or practice behind it.
    pub why: Doc<&'static str>,
    /// The check.
    pub run: fn(&Ctx, &mut Out),
    /// A correct declaration changed so that this rule finds something.
    pub sample: Doc<fn() -> Declaration>,
}

/// What only the rule reference and the tests read: what a rule checks, why, and its sample.
/// Web builds drop the value (it is not kept in the table), so the page carries neither fifty
/// descriptions nor fifty sample form sets.
#[derive(Clone, Copy)]
pub struct Doc<T: Copy> {
    #[cfg(not(target_arch = "wasm32"))]
    value: T,
    #[cfg(target_arch = "wasm32")]
    dropped: std::marker::PhantomData<T>,
}

const fn doc<T: Copy>(value: T) -> Doc<T> {
    #[cfg(target_arch = "wasm32")]
    let _ = value;
    Doc {
        #[cfg(not(target_arch = "wasm32"))]
        value,
        #[cfg(target_arch = "wasm32")]
        dropped: std::marker::PhantomData,
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Copy> Doc<T> {
    /// The value.
    pub fn get(&self) -> T {
        self.value
    }
}

impl Rule {
    /// True for the rules that compare forms with each other or with the declaration's header
    /// (years, unit names, required headers, project names, amounts and sums, the project count,
    /// the overall form's groups). They read headers and the overall form only. Every other rule
    /// looks at one form at a time, so a form that did not change keeps its findings
    /// ([`super::Checker`]); a test holds each of them to that.
    pub fn reads_across_forms(&self) -> bool {
        matches!(
            self.id,
            "Y1" | "H1" | "H2" | "H4" | "M1" | "M4" | "M5" | "M6" | "C10"
        )
    }
}

use Severity::{Error as E, Info as I, Warning as W};

fn amt(s: &str) -> crate::model::Amount {
    Cell::from_input(s)
}

/// Every rule, in catalogue order.
pub const RULES: &[Rule] = &[
    Rule { id: "Y1", severity: E, title: doc("每张表的年度与申报年度一致"), why: doc("财预〔2011〕285号填报说明：年度为表所属的预算年度，整套申报只有一个年度。"), run: y::y1_form_years,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).year = "2022".into(); d }) },
    Rule { id: "Y2", severity: E, title: doc("时效指标和项目起止时间写的是预算年度"), why: doc("年度绩效目标对应预算年度；写上一年度的时间是照抄旧表的典型错误（与预算年度并列的上一年度，如“2023年底前完成2022年度资金清算”，是工作对象，不算）。跨出年度的期限为警告；中长期时效指标的年份应在项目起止时间之内（警告）。"), run: y::y2_timing_names_budget_year,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[2].value = "2022年1月至12月".into(); d }) },
    Rule { id: "Y3", severity: W, title: doc("跨年度项目另有实施期目标"), why: doc("财预〔2011〕285号：跨年度项目的年度目标应与实施期目标区分；年度资金是实施期总资金中预算年度的部分，不应与中长期成本指标写明的总资金相同或更多。"), run: y::y3_cross_year_targets,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).period = "2023年1月至2025年12月".into(); d }) },
    Rule { id: "Y4", severity: I, title: doc("年度目标写的是预算年度"), why: doc("年度目标只提到以前年度、不提预算年度，多半是照抄上年的目标；以前年度也可能只是目标的起点，故为提示。"), run: y::y4_target_of_an_earlier_year,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).annual_target = "2022年组织全县教师培训300人次，举办培训班10期。".into(); d }) },
    Rule { id: "H1", severity: E, title: doc("各表单位名称一致"), why: doc("一套申报属于同一预算单位；名称不同通常是复制别的单位的表。"), run: h::h1_unit_names,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).unit_name = "某县教体局".into(); d }) },
    Rule { id: "H2", severity: E, title: doc("项目名称唯一"), why: doc("项目名称应与预算中的项目名称一致，一个项目一张表。"), run: h::h2_unique_project_names,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).name = d.projects[0].name.clone(); d }) },
    Rule { id: "H3", severity: W, title: doc("文字长度不超过模板限制"), why: doc("部分模板限制目标 450 字、指标单元格 150 字；超出部分在系统中会被截断。"), run: h::h3_length_caps,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).annual_target = "保障".repeat(300); d }) },
    Rule { id: "H4", severity: E, title: doc("必填表头已填写"), why: doc("各地模板都要求：单位名称、四项金额、任务；项目名称、单位、资金总额、财政拨款、年度目标。"), run: h::h4_required_fields,
        sample: doc(|| { let mut d = good(); d.overall.tasks = "\u{3000}".into(); d }) },
    Rule { id: "M1", severity: E, title: doc("金额栏是万元数字"), why: doc("表头已注明单位为万元；金额栏写单位或文字会导致汇总出错。多于两位小数为警告。没有其他资金或上年结转时填的“无”“/”按 0 计，只作提示。"), run: m::m1_amount_cells,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).other_funds = amt("10万"); d }) },
    Rule { id: "M3", severity: E, title: doc("项目资金总额 = 财政拨款 + 其他资金"), why: doc("财预〔2011〕285号：资金总额等于各资金来源之和。"), run: m::m3_project_sources,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).other_funds = amt("1.00"); d }) },
    Rule { id: "M4", severity: E, title: doc("整体支出总额 = 人员经费 + 公用经费 + 项目经费"), why: doc("整体支出表的拨款总额由三部分组成。"), run: m::m4_overall_parts,
        sample: doc(|| { let mut d = good(); d.overall.total = amt("1500.01"); d }) },
    Rule { id: "M5", severity: E, title: doc("项目经费 = 各项目表资金总额之和"), why: doc("整体支出表的项目经费应等于本单位全部项目表的合计；项目表不全时为警告。"), run: m::m5_project_funds,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).total = amt("250.00"); d.project_at_mut(0).appropriation = amt("250.00"); d }) },
    Rule { id: "M6", severity: E, title: doc("文字中的项目个数与项目表张数一致"), why: doc("“申报N个项目”与实际附的项目表张数不符，说明缺表或多表。"), run: m::m6_project_count,
        sample: doc(|| { let mut d = good(); d.projects.pop(); d.overall.project_funds = amt("240.00"); d.overall.total = amt("1340.00"); d }) },
    Rule { id: "M7", severity: E, title: doc("文字中提到的金额与表头一致"), why: doc("同一笔钱在表头和文字中写成两个数，至少一处是错的。"), run: m::m7_text_amounts,
        sample: doc(|| { let mut d = good(); d.overall.indicators[3].value = "人员经费900.00万元，公用经费210.00万元".into(); d }) },
    Rule { id: "M8", severity: E, title: doc("成本指标写明金额且不超过资金总额"), why: doc("财预〔2021〕101号：成本指标写总成本、单位成本或分项成本；合计超过资金总额为错误，解释不足 80% 为警告；单位成本（如“800元/亩”“人均补助标准”）不计入合计，有单位成本时不判断解释是否不足（其金额另有说明）。"), run: m::m8_cost_states_money,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[3].value = "合计300万元".into(); d }) },
    Rule { id: "M9", severity: E, title: doc("单价 × 数量 = 合计"), why: doc("同一单元格或目标文字写了单价、数量和合计时，或写出了乘式（如“单价8万元×20座=160万元”）时，三者必须相符。"), run: m::m9_price_times_quantity,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[4].value = "举办培训班10期，每期15万元，合计160万元".into(); d }) },
    Rule { id: "M10", severity: E, title: doc("分项列表与合计相符"), why: doc("列出分项和合计时，分项之和应等于合计；未写金额的分项留下的差额应说明（警告）。"), run: m::m10_itemised_lists,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[4].value = "1、场地费60万元。2、师资费90万元。合计160万元".into(); d }) },
    Rule { id: "M11", severity: W, title: doc("单价 × 数量不超过项目资金"), why: doc("成本指标的单价（“1500元/件”“每人每年2000元”）乘以数量指标中同一单位的数量，超过年度资金总额时，单价、数量或资金至少一处有误；只写上限（“不超过”“≤”）的不判断。"), run: m::m11_price_times_count_within_total,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[0].value = "≥1500名".into(); d }) },
    Rule { id: "C1", severity: E, title: doc("一级/二级指标是规定类别，一张表只用一种框架"), why: doc("财预〔2021〕101号与各地模板规定指标类别；成本指标不能既是二级又是一级。"), run: c::c1_known_categories,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[0].level1 = "产出效果".into(); d }) },
    Rule { id: "C2", severity: E, title: doc("产出、效益、满意度指标都有"), why: doc("财预〔2015〕88号：绩效目标应完整，项目至少有产出、效益和满意度指标。"), run: c::c2_required_level1,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators.retain(|r| r.level1 != "满意度指标"); d }) },
    Rule { id: "C3", severity: W, title: doc("产出指标覆盖数量、质量、时效、成本"), why: doc("各地模板要求产出指标分数量、质量、时效、成本填写（101号框架下成本为一级，至少有经济成本）。"), run: c::c3_output_coverage,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators.retain(|r| r.level2 != "质量指标"); d }) },
    Rule { id: "C4", severity: E, title: doc("指标行完整"), why: doc("有名称无指标值（或反之）的行无法考核；空白行为提示，可一键删除。"), run: c::c4_complete_rows,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[1].value = String::new(); d }) },
    Rule { id: "C5", severity: W, title: doc("三级指标名称不是类别词或套话"), why: doc("三级指标应写明考核什么（如“培训人次”），不能写“数量”“按照要求”。"), run: c::c5_meaningful_names,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[1].level3 = "按照要求".into(); d }) },
    Rule { id: "C6", severity: W, title: doc("三级指标不重复"), why: doc("同一张表里重复或几乎相同（字序不同，或只差“度/率”“数/量”）的指标是照抄的信号，也会重复计分。"), run: c::c6_distinct_names,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[5].level3 = "资助政策知晓率".into(); d.project_at_mut(0).indicators[4].level3 = "资助政策率知晓".into(); d }) },
    Rule { id: "C7", severity: W, title: doc("满意度指标放在满意度类别下"), why: doc("满意度属于满意度指标，放在效益或产出下会被评审退回。"), run: c::c7_satisfaction_placement,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[4].level3 = "学生满意度".into(); d }) },
    Rule { id: "C8", severity: W, title: doc("类别与单位相符"), why: doc("数量指标写产出数量，不写金额或费用；成本指标应写金额而不只是百分比。"), run: c::c8_category_and_unit,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[0].level3 = "学生资助经费".into(); d }) },
    Rule { id: "C9", severity: W, title: doc("指标数量足够"), why: doc("指标过少说明目标没有细化；下限可在检查设置中调整。"), run: c::c9_enough_indicators,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators.truncate(4); d }) },
    Rule { id: "C10", severity: E, title: doc("整体支出表各类指标齐全"), why: doc("整体支出表应有基本经费、项目经费、效果和满意度指标；某类全空为警告。"), run: c::c10_overall_groups,
        sample: doc(|| { let mut d = good(); d.overall.indicators.retain(|r| r.level1 != "满意度指标"); d }) },
    Rule { id: "V1", severity: W, title: doc("数量、成本指标量化"), why: doc("财预〔2015〕88号：指标应细化量化；数量和成本金额天然可以用数字表达（101号框架的社会成本、生态环境成本反映负面影响，可用文字描述）。"), run: v::v1_quantitative,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[0].value = "根据实际情况确定".into(); d }) },
    Rule { id: "V2", severity: E, title: doc("量化指标有符号和单位"), why: doc("没有单位的数字无法考核（错误）；百分比或结构化数值没有 ≥/≤/= 时方向不明（警告）。"), run: v::v2_sign_and_unit,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[0].value = "1200".into(); d }) },
    Rule { id: "V3", severity: E, title: doc("定性/定量与数值相符"), why: doc("标为定性的指标不应有数值和单位；标为 ≥/≤/= 的指标必须有数值。数值栏连单位一起填（“1260公里”）时指出单位应填在计量单位栏。"), run: v::v3_sign_type_agrees,
        sample: doc(|| { let mut d = good(); let r = &mut d.project_at_mut(0).indicators[5]; r.sign = Some(Sign::Qualitative); r.unit = "%".into(); d }) },
    Rule { id: "V4", severity: W, title: doc("使用规范符号，不叠加“以上/以下”"), why: doc("“≧”应写“≥”；“≥95%以上”语义重复。"), run: v::v4_sign_words,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[6].value = "≧90%以上".into(); d }) },
    Rule { id: "V5", severity: W, title: doc("目标是一个确定的值，不是范围或约数"), why: doc("“1至5个”“约200件”无法判断是否完成；应写确定的目标值（日期期间除外）。"), run: v::v5_no_ranges,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[1].value = "8至10期".into(); d }) },
    Rule { id: "V6", severity: E, title: doc("比率在 0–100% 之间并以 % 计"), why: doc("比率、满意度超过 100% 不可能实现（增长率可以）；比率类指标应以 % 计量（值中没有百分比、只有其他单位时为警告）。"), run: v::v6_percentages,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[1].value = "≥120%".into(); d }) },
    Rule { id: "V7", severity: W, title: doc("满意度目标合理"), why: doc("满意度目标低于设定下限（默认 80%）偏低，100% 通常不现实；同一表中不同的满意度目标为提示。"), run: v::v7_satisfaction_band,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[6].value = "≥60%".into(); d }) },
    Rule { id: "V8", severity: W, title: doc("定性指标不是套话"), why: doc("“按照计划执行”“稳步提高”看不出要达到什么，评审视为不可考核。"), run: v::v8_no_boilerplate,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[5].value = "按照计划执行".into(); d }) },
    Rule { id: "V9", severity: I, title: doc("定性指标采用分级表述"), why: doc("财预〔2015〕88号：不能量化的指标用分级分档的定性表述。"), run: v::v9_grade_scale,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[5].value = "教师教学能力得到提升".into(); d }) },
    Rule { id: "V10", severity: E, title: doc("名称中的数字与指标值一致"), why: doc("“村组干部230人”与指标值“200人”矛盾。"), run: v::v10_name_number,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[0].level3 = "培训教师280人次".into(); d }) },
    Rule { id: "V11", severity: W, title: doc("指标值栏只填指标值"), why: doc("主语和说明写在三级指标名称里，指标值栏只写“≥95%”这样的目标值。"), run: v::v11_value_only,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[6].value = "受助学生满意度≥90%".into(); d }) },
    Rule { id: "V12", severity: W, title: doc("计量单位规范"), why: doc("单位应为常用计量单位并规范书写（M → 米，㎡ → 平方米）。"), run: v::v12_known_units,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).indicators[0].unit = "㎡".into(); d.project_at_mut(0).indicators[0].value = String::new(); d.project_at_mut(0).indicators[0].number = Cell::from_input("1200"); d.project_at_mut(0).indicators[0].sign = Some(Sign::AtLeast); d }) },
    Rule { id: "V13", severity: W, title: doc("指标方向与符号一致"), why: doc("≥ 对应正向指标，≤ 对应反向指标（与指标方向栏不一致为提示）；发生率、投诉率等越低越好的指标是反向指标，写“≥”与目标相反。"), run: v::v13_direction,
        sample: doc(|| { let mut d = good(); let r = &mut d.project_at_mut(0).indicators[0]; r.level3 = "安全事故发生率".into(); r.value = "≥1%".into(); d }) },
    Rule { id: "T1", severity: W, title: doc("目标文字有可衡量的内容"), why: doc("财预〔2015〕88号：目标应细化量化；没有任何数字的目标无法考核。"), run: t::t1_measurable_target,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).annual_target = "提升教师教学能力。".into(); d }) },
    Rule { id: "T2", severity: E, title: doc("数量指标能在目标中找到依据"), why: doc("指标是目标的分解：数量应出自目标；目标与指标给出同一事物的不同数量是错误。"), run: t::t2_counts_trace_to_target,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).indicators[0].value = "≥350人次".into(); d }) },
    Rule { id: "T3", severity: W, title: doc("目标写成要达到的结果，不是已完成的事"), why: doc("绩效目标是预期；“保障了”“完成了”是总结的写法。"), run: t::t3_intentions_not_results,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).annual_target = "2023年组织全县教师培训300人次，完成了10期培训。".into(); d }) },
    Rule { id: "T4", severity: I, title: doc("单位产出成本"), why: doc("财预〔2021〕101号：关注单位成本；能算出时显示每单位产出的成本供参考。"), run: t::t4_cost_per_unit,
        sample: doc(good) },
    Rule { id: "T5", severity: W, title: doc("实施期数量不少于年度数量"), why: doc("年度目标是实施期（中长期）目标在预算年度的部分：同名指标的实施期数量少于年度数量，至少一处写错；写明“每年”“年均”的按年计，上限（≤）不判断。"), run: t::t5_long_term_covers_annual,
        sample: doc(|| { let mut d = good(); let p = d.project_at_mut(0); let mut r = p.indicators[0].clone(); r.value = "≥1000名".into(); p.long_term_indicators.push(r); d.ensure_ids(); d }) },
    Rule { id: "W1", severity: W, title: doc("文号年份用六角括号"), why: doc("GB/T 9704 公文格式：发文字号写作“机关代字〔年份〕序号号”。"), run: w::w1_document_numbers,
        sample: doc(|| { let mut d = good(); d.project_at_mut(0).annual_target.push_str("依据财教[2019]53号文件。"); d }) },
    Rule { id: "W2", severity: W, title: doc("括号成对"), why: doc("括号缺半边或不配对多是删改留下的；全角半角混用为提示。"), run: w::w2_brackets,
        sample: doc(|| { let mut d = good(); d.project_at_mut(1).annual_target = "2023年组织全县教师培训300人次（含乡村教师。".into(); d }) },
    Rule { id: "W3", severity: I, title: doc("去掉文档转换残留"), why: doc("从 Word 转换的文字常带“[bookmark: _GoBack]”等残留。"), run: w::w3_conversion_artefacts,
        sample: doc(|| { let mut d = good(); d.overall.tasks.push_str("[bookmark: _GoBack]"); d }) },
    Rule { id: "W4", severity: W, title: doc("常见错别字"), why: doc("评审中反复出现的错别字（公计→共计，各顶→各项…），可在代码中扩充。"), run: w::w4_typos,
        sample: doc(|| { let mut d = good(); d.overall.indicators[7].value = "项目经费公计400.00万元".into(); d }) },
    Rule { id: "S1", severity: E, title: doc("权重合计 100（或另计预算执行率时 90）"), why: doc("财预〔2020〕10号与四川做法：指标权重合计 100 分，预算执行率单独 10 分时其余合计 90。权重、分值栏只填数字：“10分”“10%”按 10 计（警告），不是数字的为错误，此时不判断合计。"), run: s::s1_weights_total,
        sample: doc(|| { let mut d = good(); for (r, w) in d.project_at_mut(0).indicators.iter_mut().zip(["20", "15", "10", "5", "20", "10", "5"]) { r.weight = Cell::from_input(w); } d }) },
    Rule { id: "S2", severity: W, title: doc("各一级指标权重符合设定比例"), why: doc("四川做法：产出 50、效益 30、满意度 10、预算执行率 10（可在检查设置中调整）。"), run: s::s2_weight_split,
        sample: doc(|| { let mut d = good(); for (r, w) in d.project_at_mut(0).indicators.iter_mut().zip(["10", "10", "10", "10", "20", "20", "10"]) { r.weight = Cell::from_input(w); } d }) },
    Rule { id: "S3", severity: E, title: doc("分值不超过权重"), why: doc("一行的得分不能超过它的权重。"), run: s::s3_score_within_weight,
        sample: doc(|| { let mut d = good(); let r = &mut d.project_at_mut(0).indicators[0]; r.weight = Cell::from_input("10"); r.score = Cell::from_input("12"); d }) },
];
