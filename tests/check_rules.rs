//! The checker: every rule fires on its sample and stays quiet on a correct form set; the seed
//! example's real mistakes are found; fixes resolve what they claim; reports come back in a fixed order.

use jixiao::check::fixtures::good;
use jixiao::check::registry::RULES;
use jixiao::check::{check, check_declaration, place, Fix, Severity};
use jixiao::model::example;
use jixiao::model::{Cell, Declaration, Profile};

fn rules_found(d: &Declaration) -> Vec<(&'static str, Severity, String)> {
    check(d, &Profile::default())
        .findings
        .into_iter()
        .map(|f| (f.rule, f.severity, f.message()))
        .collect()
}

#[test]
fn rule_ids_are_unique() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn the_correct_declaration_has_no_error_and_no_warning() {
    let found: Vec<_> = rules_found(&good())
        .into_iter()
        .filter(|(_, s, _)| *s != Severity::Info)
        .collect();
    assert!(
        found.is_empty(),
        "false alarms on a correct form set: {found:#?}"
    );
}

/// Correct declarations written as other places' forms are (tests/forms: an office building's
/// upkeep, farmland, public health, city management with a cross-year project, education and
/// the environment, some under the 2021 framework; disease control, with units in brackets after
/// the names, rows of 无, a cost and its parts, （含）以上 and counts of 万; transport, in the
/// columns of a structured template: sign, number, unit, weight, direction, standard, with unit
/// costs beside amounts; civil affairs, with rows that split a count of the target; water, in
/// 公里 and km; culture, with a count of none written "0"; emergency management, with rates per
/// 亿元GDP and in ‰; primary health care, with "≤10/10万" and a count of 52万人; market regulation,
/// with 批次, 台次 and deaths per 万台; agriculture, with a subsidy per 亩 that the total holds,
/// "单台（套）补贴额" and "每头（只）0.3元"; forestry, with a subsidy per person and year, prices per
/// 亩 as caps and a cross-year project whose long-term grid counts 累计; employment, with a cost
/// per 场 (场均成本) and counts of 万个; archives, in 万页 and 万卷; family doctors and basic public
/// health, with "0-6岁" and "65岁及以上" in names and a fee per person and year; legal aid and
/// mediation, with fees capped per 件; the police under the 2021 framework, with a 社会成本 in
/// words and "较上年下降≥10%"; sewers and river cleaning in a structured template of the 2021
/// framework, with weights, a long-term grid, 绩效标准 "其他" and a rate "1 次/周" in the columns):
/// every phrasing in them passes without an error or a warning.
#[test]
fn correct_forms_of_other_templates_have_no_error_and_no_warning() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/forms");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(d) = jixiao::model::json::from_str(&text) else {
            panic!("{} does not load", path.display());
        };
        let found: Vec<_> = rules_found(&d)
            .into_iter()
            .filter(|(_, s, _)| *s != Severity::Info)
            .collect();
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
        files += 1;
    }
    assert_eq!(files, 30);
}

/// Ways staff write a correct row, each put into the first project of the correct set (row k of
/// 资助学生人数, 认定准确率, 发放时间, 资助标准, 辍学人数, 知晓率, 满意度) or into its overall form:
/// none may raise an error or a warning. Found by typing variants of every row; several were
/// false alarms once.
#[test]
fn correct_phrasings_raise_no_error_and_no_warning() {
    let rows: &[(usize, &str, &str)] = &[
        (0, "资助学生人数", "不少于1200名"),
        (0, "资助学生人数", "1200名以上"),
        (0, "资助学生人数", "≥1200人"),
        (0, "资助学生人数", "≥1,200名"),
        (0, "资助学生人数", "≥1200名（含脱贫户学生）"),
        (0, "资助学生人数", "≥1200 名"),
        (1, "资助对象认定准确率", "≥98 %"),
        (3, "资助成本", "≤240\u{3000}万元"),
        (0, "资助学生人数", "≥1200名，其中寄宿生300名"),
        (0, "家访次数", "≥1次/月"),
        (0, "资助学生人数（人）", "≥1200"),
        (1, "资助对象认定准确率（%）", "≥98"),
        (1, "资助对象认定准确率", "≥98.5%"),
        (1, "资助对象认定准确率", "98%及以上"),
        (1, "资助对象认定准确率", "达到98%以上"),
        (1, "资助对象认定准确率", "98%（含）以上"),
        (1, "资金使用合规性", "符合《学生资助资金管理办法》要求"),
        (1, "资金使用合规性", "按照川财教〔2022〕12号文件执行"),
        (2, "资金发放时间", "2023年12月31日前"),
        (2, "资金发放时间", "2023.1-2023.12"),
        (2, "资金发放时间", "2023年第三季度"),
        (2, "资金发放时间", "每学期开学后1个月内"),
        (2, "资金发放时间", "≤5个工作日"),
        (2, "资金清算时间", "2023年12月31日前完成2022年度资金清算"),
        (2, "资金发放时间", "2023年12月"),
        (3, "资助标准", "2000元/人·年"),
        (3, "资助标准", "小学1000元/生·年，初中1250元/生·年"),
        (3, "人均资助标准", "2000元"),
        (3, "资助成本", "每个资助对象不超过2000元"),
        (3, "资助成本", "控制在预算范围内，≤240万元"),
        (3, "资助总额", "240万元（每人2000元×1200人）"),
        (4, "因贫失学辍学人数", "0人"),
        (4, "因贫失学辍学率", "控制在1%以内"),
        (4, "学生家庭经济负担", "有效减轻"),
        (5, "资助政策知晓率", "较上年提高5个百分点"),
        (5, "重复投诉率", "较上年下降≥5%"),
        (5, "资助效果持续时间", "≥3年"),
        (6, "受助学生满意度", "90%以上"),
        (6, "受助学生满意度", "≥90%（抽样调查）"),
    ];
    let on_good: Vec<_> = rules_found(&good());
    let quiet = |what: &str, edit: &dyn Fn(&mut Declaration)| {
        let mut d = good();
        edit(&mut d);
        let found: Vec<_> = rules_found(&d)
            .into_iter()
            .filter(|f| f.1 != Severity::Info && !on_good.contains(f))
            .collect();
        assert!(found.is_empty(), "{what}: {found:#?}");
    };
    for (k, name, value) in rows {
        quiet(value, &|d| {
            let r = &mut d.project_at_mut(0).indicators[*k];
            r.level3 = (*name).into();
            r.value = (*value).into();
        });
    }
    for target in [
        "2023年完成以下任务：1）资助家庭经济困难学生1200名；2）每人每年2000元；3）资金240万元。",
        "1.资助家庭经济困难学生1200名；2.资助标准每生每年2000元；3.资金总额240万元。",
        "2023年计划资助家庭经济困难学生一千二百名，资金240万元。",
    ] {
        quiet(target, &|d| {
            d.project_at_mut(0).annual_target = target.into()
        });
    }
    for tasks in [
        "2023年保障全县32所学校正常运转，实施2个项目，新建1个项目库。",
        "2023年保障全县32所学校正常运转，实施项目2个（学生资助、教师培训）。",
    ] {
        quiet(tasks, &|d| d.overall.tasks = tasks.into());
    }
}

#[test]
fn every_rule_fires_on_its_sample_and_not_on_the_correct_set() {
    let on_good = rules_found(&good());
    for rule in RULES {
        let found = rules_found(&(rule.sample.get())());
        assert!(
            found.iter().any(|(id, _, _)| *id == rule.id),
            "{} did not fire on its sample; found {found:#?}",
            rule.id
        );
        let worst = found
            .iter()
            .filter(|(id, _, _)| *id == rule.id)
            .map(|(_, s, _)| *s)
            .min()
            .unwrap();
        assert!(
            worst >= rule.severity,
            "{} reported {worst:?}, more than its declared {:?}",
            rule.id,
            rule.severity
        );
        if rule.severity != Severity::Info {
            assert!(
                !on_good.iter().any(|(id, _, _)| *id == rule.id),
                "{} fires on the correct set",
                rule.id
            );
        }
    }
}

fn example_messages() -> Vec<String> {
    let d = example::declaration();
    check_declaration(&d)
        .findings
        .iter()
        .map(|f| format!("{} {} {}", f.rule, place(&d, f.path), f.message()))
        .collect()
}

fn has(found: &[String], rule: &str, text: &str) -> bool {
    found
        .iter()
        .any(|m| m.starts_with(&format!("{rule} ")) && m.contains(text))
}

#[test]
fn the_seed_example_real_mistakes_are_found() {
    let found = example_messages();
    let expected = [
        (
            "M4",
            "= 921.84 万元，与填报的年度财政拨款资金总额 921.83 万元不一致（相差 0.01 万元）",
        ),
        (
            "M7",
            "文字中的公用经费 104.51 万元与表头填报的公用经费 104.52 万元不一致",
        ),
        ("Y2", "时效指标写的是 2021 年，本申报为 2022 年度"),
        (
            "M9",
            "单价 3 万元 × 3个 = 9 万元，与写明的合计 6 万元不一致",
        ),
        ("T2", "指标写 3个联络站，目标中写的是 2个联络站"),
        ("T2", "数量指标 19个 在目标中找不到依据"),
        ("W1", "“攀人办〔2019〕53号”"),
        ("W1", "“攀仁委办〔2014〕126号”"),
        ("W2", "“（”没有对应的右括号"),
        ("W2", "括号不配对：“〈”与“》”"),
        ("W4", "“公计”疑为错别字"),
        ("W4", "“各顶”疑为错别字"),
        ("V4", "“≧”不是规范的符号"),
        ("V4", "符号与“以上”重复"),
        ("V5", "“1至5个”是一个范围"),
        ("C6", "“大会作出的决定决议”与“大会作出的决议决定”几乎相同"),
        ("C5", "三级指标名称“数量”是类别词或套话"),
        ("V8", "“根据工作计划执行”是套话"),
        ("T1", "年度目标没有任何可衡量的数字"),
        ("T3", "“保障了”是已完成的表述"),
        ("M8", "成本指标没有写明金额"),
    ];
    for (rule, text) in expected {
        assert!(
            has(&found, rule, text),
            "{rule} “{text}” not found in:\n{}",
            found.join("\n")
        );
    }
    // What is right in the example must not be faulted.
    for (rule, why) in [
        ("M5", "项目经费 105.00 = 6 张项目表之和"),
        ("M6", "申报6个项目 = 6 张项目表"),
        ("M3", "各项目资金来源相加正确"),
        ("H1", "单位名称一致"),
        ("Y1", "都是 2022 年"),
    ] {
        assert!(
            !found.iter().any(|m| m.starts_with(&format!("{rule} "))),
            "{rule} fired although {why}"
        );
    }
    assert!(
        !has(&found, "M9", "11.4"),
        "19 × 6000元 = 11.4万元 is right"
    );
}

/// Run with `JIXIAO_BLESS=1` to rewrite the golden report after an intended change.
#[test]
fn the_example_report_is_stable_text() {
    let text = example_messages().join("\n") + "\n";
    let golden = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/example-report.txt"
    );
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(golden).parent().unwrap()).unwrap();
        std::fs::write(golden, &text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(golden).unwrap_or_default();
    assert!(text == want, "the example report changed; if intended, rerun with JIXIAO_BLESS=1 and review the diff of tests/golden/example-report.txt");
    assert_eq!(
        example_messages(),
        example_messages(),
        "same input, same order"
    );
}

#[test]
fn every_fix_on_the_example_resolves_its_finding() {
    let d = example::declaration();
    let report = check_declaration(&d);
    let mut tried = 0;
    for f in report.findings.iter().filter(|f| f.fix.is_some()) {
        let mut fixed = d.clone();
        assert!(
            f.fix.as_ref().unwrap().apply(&mut fixed),
            "{} fix did not apply: {:?}",
            f.rule,
            f.fix
        );
        let after = check_declaration(&fixed);
        let same = |g: &std::rc::Rc<jixiao::check::Finding>| {
            g.rule == f.rule && g.path == f.path && g.span == f.span && g.message() == f.message()
        };
        assert!(
            !after.findings.iter().any(same),
            "{} still reported after its fix: {}",
            f.rule,
            f.message()
        );
        tried += 1;
    }
    assert!(tried >= 15, "only {tried} fixes");
}

#[test]
fn the_overall_total_fix_gives_the_computed_sum() {
    let mut d = example::declaration();
    let f = check_declaration(&d)
        .findings
        .into_iter()
        .find(|f| f.rule == "M4")
        .unwrap();
    assert!(matches!(&f.fix, Some(Fix::Set { text, .. }) if text == "921.84"));
    f.fix.clone().unwrap().apply(&mut d);
    assert_eq!(d.overall.total.to_text(), "921.84");
}

#[test]
fn a_stale_replace_fix_does_not_apply() {
    let mut d = example::declaration();
    let f = check_declaration(&d)
        .findings
        .into_iter()
        .find(|f| f.rule == "W4")
        .unwrap();
    d.overall.indicators[8].value = "改过了".into();
    d.overall.indicators[12].value = "也改过了".into();
    assert!(!f.fix.clone().unwrap().apply(&mut d));
}

#[test]
fn the_grade_follows_the_counts() {
    assert_eq!(check_declaration(&good()).grade().label(), "优");
    assert_eq!(
        check_declaration(&example::declaration()).grade().label(),
        "差"
    );
    let mut d = good();
    d.overall.total = Cell::from_input("1.00");
    assert_eq!(check_declaration(&d).grade().label(), "中");
}

#[test]
fn the_profile_hides_severities_and_changes_thresholds() {
    let d = example::declaration();
    let quiet = Profile {
        show_warnings: false,
        show_info: false,
        ..Profile::default()
    };
    let r = check(&d, &quiet);
    assert!(r.findings.iter().all(|f| f.severity == Severity::Error));
    assert!(!r.findings.is_empty());
    let mut g = good();
    g.project_at_mut(0).indicators[6].value = "≥85%".into();
    assert!(!rules_found(&g).iter().any(|(id, _, _)| *id == "V7"));
    let strict = Profile {
        satisfaction_min_percent: 90,
        ..Profile::default()
    };
    assert!(check(&g, &strict).findings.iter().any(|f| f.rule == "V7"));
}

#[test]
fn an_incomplete_project_set_makes_the_sum_a_warning() {
    let mut d = good();
    d.projects.pop();
    let complete = check(&d, &Profile::default());
    assert!(complete
        .findings
        .iter()
        .any(|f| f.rule == "M5" && f.severity == Severity::Error));
    let partial = Profile {
        project_set_complete: false,
        ..Profile::default()
    };
    let r = check(&d, &partial);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "M5" && f.severity == Severity::Warning));
    assert!(!r
        .findings
        .iter()
        .any(|f| f.rule == "M6" && f.severity == Severity::Error));
}

#[test]
fn the_rule_reference_is_generated_from_the_rules() {
    let generated = jixiao::check::reference::markdown();
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .unwrap_or_default();
    assert!(
        generated == committed,
        "docs/rules.md is stale: run `cargo run --bin jixiao -- rules > docs/rules.md`"
    );
    for rule in RULES {
        assert!(generated.contains(&format!("## {} ", rule.id)));
        assert!(
            jixiao::check::reference::sample_finding(rule.id).is_some(),
            "{} has no example finding",
            rule.id
        );
    }
}
