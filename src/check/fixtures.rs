//! Declarations the tests, the rule reference and the benchmarks share: a correct form set, and a
//! large generated one.

use crate::model::{Amount, Cell, Declaration, Id, IndicatorRow, OverallForm, ProjectForm};
use std::rc::Rc;

fn amt(s: &str) -> Amount {
    Cell::from_input(s)
}

fn rows(spec: &[(&str, &str, &str, &str)]) -> Vec<IndicatorRow> {
    spec.iter()
        .map(|(l1, l2, l3, v)| IndicatorRow {
            level1: (*l1).into(),
            level2: (*l2).into(),
            level3: (*l3).into(),
            value: (*v).into(),
            ..Default::default()
        })
        .collect()
}

/// A correct declaration (a county education bureau, 2023, two projects) that no rule should
/// fault: every error or warning on it is a false alarm.
pub fn good() -> Declaration {
    const UNIT: &str = "某县教育局";
    let o = OverallForm {
        year: "2023".into(),
        unit_name: UNIT.into(),
        department: String::new(),
        total: amt("1500.00"),
        personnel: amt("900.00"),
        operating: amt("200.00"),
        project_funds: amt("400.00"),
        tasks: "2023年保障全县32所学校正常运转，实施学生资助和教师培训2个项目，资助家庭经济困难学生1200名，培训教师300人次。".into(),
        indicators: rows(&[
            ("基本经费", "数量指标", "", "在职人员120名，退休人员40名"),
            ("基本经费", "质量指标", "", "机关正常运转率≥98%"),
            ("基本经费", "时效指标", "", "2023年1月至12月"),
            ("基本经费", "成本指标", "", "人员经费900.00万元，公用经费200.00万元"),
            ("项目经费", "数量指标", "", "2023年实施2个项目"),
            ("项目经费", "质量指标", "", "项目完成率≥95%"),
            ("项目经费", "时效指标", "", "2023年12月底前完成"),
            ("项目经费", "成本指标", "", "项目经费合计400.00万元"),
            ("效果指标", "社会效益指标", "", "家庭经济困难学生资助覆盖率达到100%"),
            ("效果指标", "可持续影响指标", "", "义务教育巩固率≥99%"),
            ("满意度指标", "满意度指标", "", "服务对象满意度≥90%"),
        ]),
    };
    let p1 = ProjectForm {
        year: "2023".into(),
        name: "家庭经济困难学生资助".into(),
        unit_name: UNIT.into(),
        total: amt("240.00"),
        appropriation: amt("240.00"),
        other_funds: amt(""),
        annual_target:
            "2023年资助家庭经济困难学生1200名，每人每年2000元，资金240万元，确保应助尽助。".into(),
        indicators: rows(&[
            ("产出指标", "数量指标", "资助学生人数", "≥1200名"),
            ("产出指标", "质量指标", "资助对象认定准确率", "≥98%"),
            ("产出指标", "时效指标", "资金发放时间", "2023年6月至12月"),
            (
                "产出指标",
                "成本指标",
                "资助标准",
                "每人每年2000元，合计240万元",
            ),
            ("效益指标", "社会效益指标", "因贫失学辍学人数", "=0人"),
            ("效益指标", "可持续影响指标", "资助政策知晓率", "≥95%"),
            ("满意度指标", "服务对象满意度指标", "受助学生满意度", "≥90%"),
        ]),
        ..Default::default()
    };
    let p2 = ProjectForm {
        year: "2023".into(),
        name: "教师培训".into(),
        unit_name: UNIT.into(),
        total: amt("160.00"),
        appropriation: amt("150.00"),
        other_funds: amt("10.00"),
        annual_target: "2023年组织全县教师培训300人次，举办培训班10期，提升教师教学能力。".into(),
        indicators: rows(&[
            ("产出指标", "数量指标", "培训人次", "≥300人次"),
            ("产出指标", "数量指标", "培训班期数", "=10期"),
            ("产出指标", "质量指标", "培训考核合格率", "≥95%"),
            ("产出指标", "时效指标", "培训完成时间", "2023年11月底前"),
            (
                "产出指标",
                "成本指标",
                "培训成本",
                "举办培训班10期，每期16万元，合计160万元",
            ),
            (
                "效益指标",
                "社会效益指标",
                "教师教学能力",
                "培训后课堂教学评价达到良好及以上",
            ),
            ("满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%"),
        ]),
        ..Default::default()
    };
    let mut d = Declaration {
        year: "2023".into(),
        unit_name: UNIT.into(),
        overall: o,
        projects: vec![Rc::new(p1), Rc::new(p2)],
        ..Default::default()
    };
    d.ensure_ids();
    d
}

/// A deterministic pseudo-random source (no dependency, same numbers on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// A large declaration of realistic text: `projects` project forms of `rows` indicators each,
/// with the kinds of text (and mistakes) real forms hold. Deterministic for a seed.
///
/// Like a real unit's forms, some texts recur across projects (a standard satisfaction target,
/// a standard date) and many carry the project's own subject, town and numbers: in 200 × 30
/// (seed 7), 20 % of the names and 37 % of the values are distinct (the shipped example's 6 forms:
/// 56 % and 69 %). The same few texts repeated would flatter any cache of readings.
pub fn generated(projects: usize, rows_per_project: usize, seed: u64) -> Declaration {
    let mut rng = Lcg(seed);
    let mut d = good();
    d.projects.clear();
    let categories = [
        (
            "产出指标",
            "数量指标",
            &[
                "{s}人数",
                "建设村级{s}数量",
                "{s}活动场次",
                "覆盖乡镇数",
                "{t}{s}数量",
                "{t}{s}第{k}期人数",
                "{s}覆盖{k}个村",
            ][..],
            &[
                "≥{n}名",
                "{k}个",
                "不少于{k}次",
                "{k}至{j}个",
                "全区13个乡镇1个街道",
                "{n}名",
                "{t}{k}个{s}点",
                "{s}{n}人次",
            ][..],
        ),
        (
            "项目完成",
            "质量指标",
            &[
                "验收合格率",
                "{s}对象认定准确率",
                "按照要求",
                "{s}合格率",
                "{t}{s}达标率",
            ][..],
            &[
                "≥{p}%",
                "满意≧{p}%以上",
                "按照计划执行",
                "优化服务水平，保障代表履职",
                "{s}合格率达到{p}%",
                "{t}{k}个点位验收合格率{p}%",
            ][..],
        ),
        (
            "产出指标",
            "时效指标",
            &[
                "完成时间",
                "资金发放时间",
                "工作计划",
                "{s}完成时间",
                "{t}{s}第{k}批完成时间",
            ][..],
            &[
                "{y}年1月至12月",
                "{y}年{m}月至{z}年3月",
                "{y}年完成。",
                "{y}年{m}月底前完成",
                "{y}年{m}月{k}日前拨付到位",
            ][..],
        ),
        (
            "产出指标",
            "成本指标",
            &[
                "培训成本",
                "{k}个联络站",
                "运行维护费",
                "{s}成本",
                "{t}{s}人均成本",
            ][..],
            &[
                "每个{n}元，合计{w}万元",
                "全年预计{k}万元",
                "每个站预计{k}万元，合计{j}万元。",
                "1、补贴费{w}万元。2、误工补助。3、视察经费。合计{j}万元",
                "根据攀仁委办[2014]126号文件规定，一类会议经费",
                "{s}经费{w}万元",
                "{n}元/人/年",
            ][..],
        ),
        (
            "效益指标",
            "社会效益指标",
            &[
                "教师教学能力",
                "保障代表履职",
                "加强人大代表与群众密切联系",
                "{t}{s}效果",
                "{t}{s}群众受益面",
            ][..],
            &[
                "培训后课堂教学评价达到良好及以上",
                "通过项目实施，保障了机关正常运转",
                "方便{t}群众反映情况（为代表提供场所",
                "稳步提高",
                "{t}{s}覆盖率达到{p}%",
                "{t}受益群众{n}人",
            ][..],
        ),
        (
            "满意度指标",
            "服务对象满意度指标",
            &[
                "受助学生满意度",
                "群众满意度",
                "人大代表满意度",
                "{s}对象满意度",
                "{t}{s}群众满意度",
            ][..],
            &[
                "≥90%",
                "群众满意≧{p}%。",
                "满意度≥100%",
                "人大代表满意≧{p}%以上",
                "{t}群众满意度≥{p}%",
            ][..],
        ),
    ];
    let subjects = [
        "学生资助",
        "教师培训",
        "代表活动",
        "联络站",
        "会议",
        "技能培训",
        "困难群众慰问",
        "农村道路维护",
        "村级活动室",
        "义务教育",
        "卫生健康",
        "禁毒宣传",
        "法律援助",
        "文化下乡",
        "森林防火",
        "饮水安全",
        "残疾人帮扶",
        "社区服务",
        "就业帮扶",
        "环境整治",
    ];
    let towns = [
        "仁和镇",
        "平地镇",
        "大田镇",
        "太平镇",
        "啊喇乡",
        "布德镇",
        "前进镇",
        "同德镇",
        "福田镇",
        "中坝乡",
        "总发乡",
        "务本乡",
        "金江镇",
    ];
    for p in 0..projects {
        let mut form = ProjectForm {
            id: Id(0),
            year: if rng.next().is_multiple_of(50) {
                "2022".into()
            } else {
                "2023".into()
            },
            name: format!(
                "项目{}：{}",
                p + 1,
                rng.pick(&[
                    "学生资助",
                    "教师培训",
                    "代表活动经费",
                    "联络站建设",
                    "会议费"
                ])
            ),
            unit_name: d.unit_name.clone(),
            total: amt(rng.pick(&["240.00", "160.00", "11.40", "6.00", "43.60"])),
            appropriation: amt(rng.pick(&["240.00", "150.00", "11.40", "6.00"])),
            other_funds: amt(rng.pick(&["", "10.00", "\u{3000}"])),
            annual_target: rng
                .pick(&[
                    "2023年资助家庭经济困难学生1200名，每人每年2000元，资金240万元。",
                    "全区13个乡镇1个街道建立了活动室，按照每年6000元一个活动室预算运行维护费用",
                    "保障区、乡（镇）重点民生实事项目。",
                    "2023年在全区新建2个代表联络站（主要用于购办公设备和房屋装修费用）。",
                ])
                .into(),
            ..Default::default()
        };
        let subject = rng.pick(&subjects);
        let town = rng.pick(&towns);
        for k in 0..rows_per_project {
            let (l1, l2, names, values) = categories[k % categories.len()];
            let name = rng.pick(names);
            let value = rng.pick(values);
            form.indicators.push(IndicatorRow {
                level1: l1.into(),
                level2: l2.into(),
                level3: fill(name, &mut rng, subject, town),
                value: fill(value, &mut rng, subject, town),
                ..Default::default()
            });
        }
        d.projects.push(Rc::new(form));
    }
    d.ensure_ids();
    d
}

/// A text template filled for one row: {s} the project's subject, {t} its town, {n} a count,
/// {k} and {j} small numbers (j > k), {p} a percentage, {y} and {z} years (z = y + 1), {m} a month,
/// {w} an amount in 万元.
fn fill(template: &str, rng: &mut Lcg, subject: &str, town: &str) -> String {
    let k = 1 + rng.next() % 20;
    let y = 2022 + rng.next() % 2;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let key = &rest[open + 1..open + 2];
        rest = &rest[open + 3..];
        match key {
            "s" => out.push_str(subject),
            "t" => out.push_str(town),
            "n" => out.push_str(&(10 + rng.next() % 2000).to_string()),
            "k" => out.push_str(&k.to_string()),
            "j" => out.push_str(&(k + 1 + rng.next() % 10).to_string()),
            "p" => out.push_str(rng.pick(&["80", "85", "90", "95", "98", "100"])),
            "y" => out.push_str(&y.to_string()),
            "z" => out.push_str(&(y + 1).to_string()),
            "m" => out.push_str(&(1 + rng.next() % 12).to_string()),
            "w" => {
                let tenths = 5 + rng.next() % 3000;
                out.push_str(&format!("{}.{}", tenths / 10, tenths % 10));
            }
            // Not a key: left as written (a test checks no text keeps a brace).
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}
